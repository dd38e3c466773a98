//! A link trains to the same weights, to the bit, wherever it is opened: natively (this test)
//! and in the browser (`tests/e2e/same-weights.test.mjs`, with the general kernels and with
//! the compiled ones). Both compare with `tests/e2e/same-weights.json`. The cases are chosen to
//! cross the kernels' seams: layers of 4 to 9 inputs (whole groups of four and 1 to 3 left
//! over), batches of 1 to 18 points (one block to a tile of four and one more), a penalty, the
//! optimizers and every output.
//!
//! After a deliberate change to training's arithmetic, `UPDATE_WEIGHTS=1 cargo test --release
//! --test same_weights` rewrites the file; say why in the commit.
use nn_playground::core::config::ExperimentConfig;
use nn_playground::core::json::{self, Json};
use nn_playground::core::trainer::Trainer;

const FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/e2e/same-weights.json");

/// The `params` value of a shared link.
fn params_of(hash: &str) -> String {
    hash.split('&')
        .find_map(|pair| pair.strip_prefix("params="))
        .expect("a shared link has params")
        .to_string()
}

/// The weights `hash` trains to in `epochs` epochs, as the link shares them.
fn trained(hash: &str, epochs: u32) -> String {
    let (config, notes) = ExperimentConfig::from_hash(hash);
    assert!(notes.is_empty(), "{hash}: {notes:?}");
    let mut trainer = Trainer::new(config);
    assert_eq!(trainer.step(epochs), epochs);
    params_of(&trainer.share_hash())
}

fn text(case: &Json, key: &str) -> String {
    match case.get(key) {
        Some(Json::String(s)) => s.clone(),
        other => panic!("{key}: {other:?}"),
    }
}

#[test]
fn links_train_to_the_recorded_weights() {
    let file = std::fs::read_to_string(FILE).expect("the recorded weights");
    let Ok(Json::Array(cases)) = json::parse(&file) else {
        panic!("{FILE} is not a JSON array");
    };
    assert!(cases.len() >= 3);
    let update = std::env::var_os("UPDATE_WEIGHTS").is_some();
    let mut out = Vec::new();
    let mut wrong = Vec::new();
    for case in &cases {
        let (name, hash) = (text(case, "name"), text(case, "hash"));
        let Some(Json::Number(epochs)) = case.get("epochs") else {
            panic!("{name}: epochs");
        };
        let got = trained(&hash, *epochs as u32);
        if got != text(case, "params") {
            wrong.push(name.clone());
        }
        out.push(format!(
            "  {{\n    \"name\": \"{name}\",\n    \"hash\": \"{hash}\",\n    \"epochs\": {epochs},\n    \"params\": \"{got}\"\n  }}"
        ));
    }
    if update {
        std::fs::write(FILE, format!("[\n{}\n]\n", out.join(",\n"))).unwrap();
    } else {
        assert!(
            wrong.is_empty(),
            "trained to other weights than recorded: {wrong:?} (UPDATE_WEIGHTS=1 rewrites {FILE})"
        );
    }
}
