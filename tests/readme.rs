//! The README stays true to the code: every key the link reader knows is documented under
//! "Link keys".
use std::collections::BTreeSet;

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).expect(path)
}

/// The keys the link reader matches on: its `"key" =>` arms.
fn reader_keys() -> BTreeSet<String> {
    read("src/core/config/reader.rs")
        .lines()
        .filter_map(|line| {
            let arm = line.trim_start().strip_prefix('"')?;
            let (key, rest) = arm.split_once('"')?;
            let plain = !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric());
            (plain && rest.trim_start().starts_with("=>")).then(|| key.to_string())
        })
        .collect()
}

#[test]
fn the_readme_documents_every_link_key() {
    let keys = reader_keys();
    assert!(keys.len() >= 30, "found the reader's keys: {keys:?}");
    let readme = read("README.md");
    let start = readme.find("## Link keys").expect("a Link keys section");
    let end = readme[start + 3..]
        .find("\n## ")
        .map_or(readme.len(), |i| start + 3 + i);
    let section = &readme[start..end];
    let missing: Vec<_> = keys
        .iter()
        .filter(|k| !section.contains(&format!("`{k}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "README's Link keys section lacks {missing:?}"
    );
}
