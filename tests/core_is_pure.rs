//! `src/core` must stay pure Rust: no browser or UI crate may be named in it.
use std::fs;
use std::path::Path;

const FORBIDDEN: [&str; 5] = [
    "leptos",
    "web_sys",
    "wasm_bindgen",
    "js_sys",
    "plotters_canvas",
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("read src/core") {
        let path = entry.expect("dir entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_core_file_names_a_browser_crate() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core"),
        &mut files,
    );
    assert!(
        files.len() >= 10,
        "expected the core files, found {}",
        files.len()
    );
    for file in files {
        let text = fs::read_to_string(&file).expect("read file");
        for name in FORBIDDEN {
            let dashed = name.replace('_', "-");
            assert!(
                !text.contains(name) && !text.contains(&dashed),
                "{} names `{name}`: src/core must not depend on browser crates",
                file.display()
            );
        }
    }
}
