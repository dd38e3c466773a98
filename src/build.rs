//! Embeds every lesson file, `src/lessons/*.lesson`, in file-name order: writes
//! `$OUT_DIR/lessons.rs` with `FILES: &[(name, include_str!(path))]`, so that a teacher adds a
//! lesson by adding a file, with no Rust to change.
use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::{env, fs};

fn main() {
    let manifest = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    let dir = Path::new(&manifest).join("src/lessons");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "lesson"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut code = String::from("/// Every lesson file: (file name, text).\n");
    code.push_str("pub const FILES: &[(&str, &str)] = &[\n");
    for path in &files {
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
        let _ = writeln!(
            code,
            "    ({:?}, include_str!({:?})),",
            name.unwrap_or_default(),
            path.display().to_string()
        );
    }
    code.push_str("];\n");
    fs::write(Path::new(&out_dir).join("lessons.rs"), code).expect("write lessons.rs");
}
