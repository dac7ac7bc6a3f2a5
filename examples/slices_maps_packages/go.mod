module example.com/slices_maps_packages

go 1.23
