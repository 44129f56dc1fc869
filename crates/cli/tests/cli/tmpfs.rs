//! A real tmpfs of a set size for the tests of a full disk: mounted for the test (they run as
//! root, as CI does) and unmounted when the guard goes, also when the test fails. A machine
//! where it cannot be mounted fails the test in words instead of skipping it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A mounted tmpfs; unmounted on drop.
pub struct Tmpfs {
    // Dropped after the unmount (fields drop after `Drop::drop`): the empty mount point.
    dir: Mounted,
}

/// Where a tmpfs is mounted: a folder of its own, or one the test made.
enum Mounted {
    Own(tempfile::TempDir),
    On(PathBuf),
}

impl Mounted {
    fn path(&self) -> &Path {
        match self {
            Mounted::Own(dir) => dir.path(),
            Mounted::On(path) => path,
        }
    }
}

impl Tmpfs {
    /// Mounts a tmpfs of `size` (as `mount` reads it: "8m") on a new folder.
    pub fn mount(size: &str) -> Tmpfs {
        let dir = tempfile::tempdir().expect("a mount point");
        let at = dir.path().to_path_buf();
        Tmpfs::mount_at(&at, size, Mounted::Own(dir))
    }

    /// Mounts a tmpfs of `size` on the existing (empty) folder `at`.
    pub fn mount_on(at: &Path, size: &str) -> Tmpfs {
        Tmpfs::mount_at(at, size, Mounted::On(at.to_path_buf()))
    }

    fn mount_at(at: &Path, size: &str, dir: Mounted) -> Tmpfs {
        let out = Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={size},mode=0755"),
                "tmpfs",
            ])
            .arg(at)
            .output();
        match out {
            Ok(out) if out.status.success() => Tmpfs { dir },
            Ok(out) => panic!(
                "this test needs a real tmpfs and could not mount one ({}): run the tests as \
                 root (CI does), e.g. `sudo -E cargo nextest run -p newsdesk-cli`",
                String::from_utf8_lossy(&out.stderr).trim()
            ),
            Err(e) => panic!(
                "this test needs a real tmpfs and could not run `mount` ({e}): run the tests \
                 as root on Linux (CI does)"
            ),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Fills the disk with a ballast file until a write finds no space; returns the file
    /// (removing it frees the space again).
    pub fn fill(&self) -> PathBuf {
        let ballast = self.path().join("ballast");
        let mut file = std::fs::File::create(&ballast).expect("ballast file");
        let chunk = vec![0x5a_u8; 64 * 1024];
        loop {
            match file.write(&chunk) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) if e.kind() == std::io::ErrorKind::StorageFull => break,
                Err(e) => panic!("filling the tmpfs failed otherwise: {e}"),
            }
        }
        // The last page: byte by byte.
        while file.write(&[0x5a]).is_ok_and(|n| n == 1) {}
        ballast
    }

    /// Makes it read-only (as a write-protected medium is).
    pub fn remount_read_only(&self) {
        let done = Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(self.path())
            .status()
            .expect("mount runs");
        assert!(done.success(), "the tmpfs is remounted read-only");
    }

    /// Bytes still free on it.
    pub fn free(&self) -> u64 {
        let out = Command::new("df")
            .args(["--output=avail", "-B1"])
            .arg(self.path())
            .output()
            .expect("df runs");
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .nth(1)
            .and_then(|l| l.trim().parse().ok())
            .expect("df prints the free bytes")
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let done = Command::new("umount").arg(self.dir.path()).status();
        if !done.is_ok_and(|s| s.success()) {
            // Still busy (a process of a failed test): detach it now, it goes when free.
            let _ = Command::new("umount")
                .arg("-l")
                .arg(self.dir.path())
                .status();
        }
    }
}

/// `count` different JPEG pictures of noise, `width`×`height` px, in `dir` (named
/// `foto-01.jpg`, …); noise keeps them about as large as camera pictures of that size.
pub fn pictures(dir: &Path, count: usize, width: u32, height: u32) -> Vec<PathBuf> {
    std::fs::create_dir_all(dir).expect("picture folder");
    let mut state: u32 = 0x9e37_79b9;
    (1..=count)
        .map(|n| {
            let picture = image::RgbImage::from_fn(width, height, |x, y| {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                let noise = (state & 0x3f) as u8;
                image::Rgb([
                    (x % 256) as u8 ^ noise,
                    (y % 256) as u8 ^ noise,
                    (n * 37 % 256) as u8 ^ noise,
                ])
            });
            let path = dir.join(format!("foto-{n:02}.jpg"));
            let mut out = std::io::BufWriter::new(std::fs::File::create(&path).expect("jpeg"));
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
                .encode_image(&picture)
                .expect("the noise encodes as JPEG");
            out.flush().expect("written");
            path
        })
        .collect()
}

/// Every file under `dir`, as paths relative to it, sorted.
pub fn files_under(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.map_while(Result::ok) {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if let Ok(relative) = path.strip_prefix(dir) {
                found.push(relative.display().to_string());
            }
        }
    }
    found.sort();
    found
}
