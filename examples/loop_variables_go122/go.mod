module example.com/loop_variables_go122

go 1.22
