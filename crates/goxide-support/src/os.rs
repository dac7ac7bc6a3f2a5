//! Go's `os` files and environment: `*os.File` as a [`File`] handle (copies share the open
//! file, as copies of a Go pointer do), and the file functions with Go's error texts
//! (`open /x: no such file or directory`, `write f.txt: file already closed`).

use super::errors::Error;
use std::io::{Read, Write};
use std::sync::{Arc, Mutex, MutexGuard};

/// What a [`File`] reads and writes.
enum Target {
    Disk(std::fs::File),
    Stdin,
    Stdout,
    Stderr,
    Closed,
}

struct Handle {
    name: String,
    target: Mutex<Target>,
}

/// `*os.File`; the default value is Go's nil `*os.File`.
#[derive(Clone, Default)]
pub struct File {
    handle: Option<Arc<Handle>>,
}

/// Go's text for an OS error (`syscall.Errno`'s).
pub fn errno_text(e: &std::io::Error) -> String {
    let known = match e.raw_os_error() {
        Some(1) => "operation not permitted",
        Some(2) => "no such file or directory",
        Some(9) => "bad file descriptor",
        Some(13) => "permission denied",
        Some(17) => "file exists",
        Some(20) => "not a directory",
        Some(21) => "is a directory",
        Some(22) => "invalid argument",
        Some(28) => "no space left on device",
        Some(30) => "read-only file system",
        Some(36) => "file name too long",
        Some(39) => "directory not empty",
        _ => "",
    };
    if !known.is_empty() {
        return known.to_string();
    }
    let text = e.to_string();
    let text = match text.find(" (os error") {
        Some(i) => &text[..i],
        None => &text,
    };
    let mut cs = text.chars();
    match cs.next() {
        Some(c) => c.to_lowercase().chain(cs).collect(),
        None => text.to_string(),
    }
}

/// Go's `*fs.PathError`: `op path: err`.
#[derive(Debug, Clone)]
pub struct PathError {
    pub op: String,
    pub path: String,
    pub err: String,
}

impl std::fmt::Display for PathError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}: {}", self.op, self.path, self.err)
    }
}

impl std::error::Error for PathError {}

pub fn path_error(op: &str, path: &str, err: &str) -> Error {
    Some(std::rc::Rc::new(PathError {
        op: op.to_string(),
        path: path.to_string(),
        err: err.to_string(),
    }))
}

fn errno_of(err: &Error) -> Option<String> {
    let e = err.as_ref()?;
    e.downcast_ref::<PathError>().map(|p| p.err.clone())
}

/// `os.IsNotExist(err)`.
pub fn is_not_exist(err: &Error) -> bool {
    errno_of(err).is_some_and(|e| e == "no such file or directory")
}

/// `os.IsExist(err)`.
pub fn is_exist(err: &Error) -> bool {
    errno_of(err).is_some_and(|e| e == "file exists" || e == "directory not empty")
}

fn io_error(op: &str, path: &str, e: &std::io::Error) -> Error {
    path_error(op, path, &errno_text(e))
}

const CLOSED: &str = "file already closed";

impl File {
    fn from_std(name: &str, f: std::fs::File) -> File {
        File::with_target(name, Target::Disk(f))
    }

    fn with_target(name: &str, t: Target) -> File {
        File {
            handle: Some(Arc::new(Handle {
                name: name.to_string(),
                target: Mutex::new(t),
            })),
        }
    }

    /// `os.Stdin`.
    pub fn stdin() -> File {
        File::with_target("/dev/stdin", Target::Stdin)
    }

    /// `os.Stdout`.
    pub fn stdout() -> File {
        File::with_target("/dev/stdout", Target::Stdout)
    }

    /// `os.Stderr`.
    pub fn stderr() -> File {
        File::with_target("/dev/stderr", Target::Stderr)
    }

    /// Whether this is Go's nil `*os.File` (`f == nil`).
    pub fn is_none(&self) -> bool {
        self.handle.is_none()
    }

    /// `f != nil`.
    pub fn is_some(&self) -> bool {
        self.handle.is_some()
    }

    fn target(&self) -> Option<(&str, MutexGuard<'_, Target>)> {
        let h = self.handle.as_ref()?;
        Some((&h.name, h.target.lock().unwrap_or_else(|e| e.into_inner())))
    }

    /// `f.Name()`.
    pub fn name(&self) -> String {
        match &self.handle {
            Some(h) => h.name.clone(),
            None => super::rt::nil_deref(),
        }
    }

    /// `f.Write(b)`.
    pub fn write(&self, b: &[u8]) -> (i64, Error) {
        let Some((name, mut t)) = self.target() else {
            return (0, super::errors::new("invalid argument"));
        };
        let r = match &mut *t {
            Target::Disk(f) => f.write_all(b),
            Target::Stdout => {
                let mut out = std::io::stdout().lock();
                out.write_all(b).and_then(|_| out.flush())
            }
            Target::Stderr => std::io::stderr().write_all(b),
            Target::Stdin => Err(std::io::Error::from_raw_os_error(9)),
            Target::Closed => return (0, path_error("write", name, CLOSED)),
        };
        match r {
            Ok(()) => (b.len() as i64, None),
            Err(e) => (0, io_error("write", name, &e)),
        }
    }

    /// `f.WriteString(s)`.
    pub fn write_string(&self, s: &str) -> (i64, Error) {
        self.write(s.as_bytes())
    }

    /// `f.Read(buf)`: `(0, io.EOF)` at the end of the file.
    pub fn read(&self, buf: &mut [u8]) -> (i64, Error) {
        let Some((name, mut t)) = self.target() else {
            return (0, super::errors::new("invalid argument"));
        };
        let r = match &mut *t {
            Target::Disk(f) => f.read(buf),
            Target::Stdin => std::io::stdin().read(buf),
            Target::Stdout | Target::Stderr => Err(std::io::Error::from_raw_os_error(9)),
            Target::Closed => return (0, path_error("read", name, CLOSED)),
        };
        match r {
            Ok(0) if !buf.is_empty() => (0, super::io::eof()),
            Ok(n) => (n as i64, None),
            Err(e) => (0, io_error("read", name, &e)),
        }
    }

    /// `f.Close()`.
    pub fn close(&self) -> Error {
        let Some((name, mut t)) = self.target() else {
            return super::errors::new("invalid argument");
        };
        match std::mem::replace(&mut *t, Target::Closed) {
            Target::Closed => path_error("close", name, CLOSED),
            _ => None,
        }
    }
}

impl Read for File {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match File::read(self, buf) {
            (n, None) => Ok(n as usize),
            (_, Some(e)) if super::io::is_eof(&Some(e.clone())) => Ok(0),
            (_, Some(e)) => Err(std::io::Error::other(e.to_string())),
        }
    }
}

impl Write for File {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match File::write(self, buf) {
            (n, None) => Ok(n as usize),
            (_, Some(e)) => Err(std::io::Error::other(e.to_string())),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl super::fmt::Format for File {
    fn fmt(&self, f: &mut super::fmt::Formatter<'_>, _verb: char) {
        match &self.handle {
            Some(h) => f.write_stringer(&format!("&{{{:p}}}", Arc::as_ptr(h))),
            None => f.write_stringer("<nil>"),
        }
    }
    fn type_name(&self) -> String {
        "*os.File".to_string()
    }
    fn go_type() -> String {
        "*os.File".to_string()
    }
}

/// `os.O_*` flags (Linux values).
const O_WRONLY: i64 = 0x1;
const O_RDWR: i64 = 0x2;
const O_CREATE: i64 = 0x40;
const O_EXCL: i64 = 0x80;
const O_TRUNC: i64 = 0x200;
const O_APPEND: i64 = 0x400;

/// `os.OpenFile(name, flag, perm)`.
pub fn open_file(name: &str, flag: i64, perm: u32) -> (File, Error) {
    use std::os::unix::fs::OpenOptionsExt;
    let mut o = std::fs::OpenOptions::new();
    let access = flag & 0x3;
    o.read(access == 0 || access == O_RDWR)
        .write(access == O_WRONLY || access == O_RDWR)
        .append(flag & O_APPEND != 0)
        .truncate(flag & O_TRUNC != 0)
        .mode(perm);
    if flag & O_CREATE != 0 && flag & O_EXCL != 0 {
        o.create_new(true);
    } else if flag & O_CREATE != 0 {
        o.create(true);
    }
    match o.open(name) {
        Ok(f) => (File::from_std(name, f), None),
        Err(e) => (File::default(), io_error("open", name, &e)),
    }
}

/// `os.Open(name)`: for reading.
pub fn open(name: &str) -> (File, Error) {
    open_file(name, 0, 0)
}

/// `os.Create(name)`: created or truncated, mode 0666 (before the umask).
pub fn create(name: &str) -> (File, Error) {
    open_file(name, O_RDWR | O_CREATE | O_TRUNC, 0o666)
}

/// `os.ReadFile(name)`.
pub fn read_file(name: &str) -> (Vec<u8>, Error) {
    let mut f = match std::fs::File::open(name) {
        Ok(f) => f,
        Err(e) => return (Vec::new(), io_error("open", name, &e)),
    };
    let mut out = Vec::new();
    match f.read_to_end(&mut out) {
        Ok(_) => (out, None),
        Err(e) => (out, io_error("read", name, &e)),
    }
}

/// `os.WriteFile(name, data, perm)`.
pub fn write_file(name: &str, data: &[u8], perm: u32) -> Error {
    let (f, err) = open_file(name, O_WRONLY | O_CREATE | O_TRUNC, perm);
    if err.is_some() {
        return err;
    }
    let (_, err) = f.write(data);
    let cerr = f.close();
    if err.is_some() {
        err
    } else {
        cerr
    }
}

/// `os.Remove(name)`: a file or an empty directory.
pub fn remove(name: &str) -> Error {
    let e = match std::fs::remove_file(name) {
        Ok(()) => return None,
        Err(e) => e,
    };
    let e1 = match std::fs::remove_dir(name) {
        Ok(()) => return None,
        Err(e1) => e1,
    };
    // Go reports the directory error unless the path is not a directory.
    let e = if e1.raw_os_error() != Some(20) { e1 } else { e };
    io_error("remove", name, &e)
}

/// `os.RemoveAll(path)`: nil when the path does not exist.
pub fn remove_all(path: &str) -> Error {
    let r = match std::fs::symlink_metadata(path) {
        Err(_) => return None,
        Ok(m) if m.is_dir() => std::fs::remove_dir_all(path),
        Ok(_) => std::fs::remove_file(path),
    };
    match r {
        Ok(()) => None,
        Err(e) => io_error("unlinkat", path, &e),
    }
}

/// `os.Mkdir(name, perm)`.
pub fn mkdir(name: &str, perm: u32) -> Error {
    use std::os::unix::fs::DirBuilderExt;
    match std::fs::DirBuilder::new().mode(perm).create(name) {
        Ok(()) => None,
        Err(e) => io_error("mkdir", name, &e),
    }
}

/// `os.MkdirAll(path, perm)`.
pub fn mkdir_all(path: &str, perm: u32) -> Error {
    use std::os::unix::fs::DirBuilderExt;
    match std::fs::DirBuilder::new()
        .recursive(true)
        .mode(perm)
        .create(path)
    {
        Ok(()) => None,
        Err(e) => io_error("mkdir", path, &e),
    }
}

/// `os.TempDir()`: `$TMPDIR`, or `/tmp`.
pub fn temp_dir() -> String {
    match std::env::var("TMPDIR") {
        Ok(d) if !d.is_empty() => d,
        _ => "/tmp".to_string(),
    }
}

/// A random decimal suffix, as Go's `os.MkdirTemp` and `os.CreateTemp` use.
fn random_suffix() -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    (h.finish() as u32).to_string()
}

/// The path `MkdirTemp`/`CreateTemp` try: `pattern` with its last `*` (or its end) replaced
/// by a random suffix, in `dir` (the temp dir when empty).
fn temp_path(dir: &str, pattern: &str) -> Result<String, Error> {
    if pattern.contains('/') {
        return Err(path_error(
            "mkdirtemp",
            pattern,
            "pattern contains path separator",
        ));
    }
    let dir = if dir.is_empty() {
        temp_dir()
    } else {
        dir.to_string()
    };
    let (prefix, suffix) = match pattern.rfind('*') {
        Some(i) => (&pattern[..i], &pattern[i + 1..]),
        None => (pattern, ""),
    };
    let sep = if dir.ends_with('/') { "" } else { "/" };
    Ok(format!("{dir}{sep}{prefix}{}{suffix}", random_suffix()))
}

/// `os.MkdirTemp(dir, pattern)`.
pub fn mkdir_temp(dir: &str, pattern: &str) -> (String, Error) {
    for _ in 0..10000 {
        let path = match temp_path(dir, pattern) {
            Ok(p) => p,
            Err(e) => return (String::new(), e),
        };
        match std::fs::create_dir(&path) {
            Ok(()) => {
                use std::os::unix::fs::PermissionsExt;
                let _ = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o700));
                return (path, None);
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return (String::new(), io_error("mkdirtemp", &path, &e)),
        }
    }
    (
        String::new(),
        super::errors::new("mkdirtemp: too many attempts"),
    )
}

/// `os.CreateTemp(dir, pattern)`.
pub fn create_temp(dir: &str, pattern: &str) -> (File, Error) {
    for _ in 0..10000 {
        let path = match temp_path(dir, pattern) {
            Ok(p) => p,
            Err(e) => return (File::default(), e),
        };
        let (f, err) = open_file(&path, O_RDWR | O_CREATE | O_EXCL, 0o600);
        if err.is_none() {
            return (f, None);
        }
        if !std::path::Path::new(&path).exists() {
            return (File::default(), err);
        }
    }
    (
        File::default(),
        super::errors::new("createtemp: too many attempts"),
    )
}

/// `os.Setenv(key, value)`.
pub fn setenv(key: &str, value: &str) -> Error {
    if key.is_empty() || key.contains('=') || key.contains('\0') || value.contains('\0') {
        return super::errors::new("setenv: invalid argument");
    }
    std::env::set_var(key, value);
    None
}

/// `os.Unsetenv(key)`.
pub fn unsetenv(key: &str) -> Error {
    if !key.is_empty() && !key.contains('=') && !key.contains('\0') {
        std::env::remove_var(key);
    }
    None
}

/// `os.LookupEnv(key)`.
pub fn lookup_env(key: &str) -> (String, bool) {
    match std::env::var_os(key) {
        Some(v) => (v.to_string_lossy().into_owned(), true),
        None => (String::new(), false),
    }
}
