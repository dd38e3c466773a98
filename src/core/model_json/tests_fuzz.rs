//! A fuzz run of the model-file reader with a fixed budget: saved models mutated by the
//! project's own seeded RNG (so every run, and CI, tries the same ones), and random text. For
//! each: no panic; a refusal is a short message (quoted input cut short); a model read has
//! finite weights within ±[`limits::PARAM`], as many as its network has, writes back to a
//! file that reads the same, and applies to the default experiment within its limits.
use super::*;
use crate::core::config::limits;
use crate::core::fuzz::{mutate, mutate_numbers, random_text};
use crate::core::rng::Pcg32;
use crate::core::trainer::Trainer;

/// How many files one run tries (about a second natively in a debug build).
const CASES: usize = 2000;

fn saved(link: &str) -> String {
    let (cfg, _) = ExperimentConfig::from_hash(link);
    let mut t = Trainer::new(cfg);
    t.step(2);
    t.model_json()
}

/// The characters JSON is made of, and some others: random text is mostly these.
const JSON_CHARS: &str = "{}[]:,\"0123456789.-eE truefalsnul\\é\u{0}";

/// Checks one file; whether it was read.
fn check(text: &str) -> bool {
    let model = match ModelFile::from_json(text) {
        Err(why) => {
            assert!(!why.is_empty() && why.chars().count() < 400, "{why:.500}");
            return false;
        }
        Ok(model) => model,
    };
    assert!(model
        .params
        .iter()
        .all(|p| p.is_finite() && p.abs() <= limits::PARAM));
    assert_eq!(model.params.len(), model.to_mlp().params.len());
    assert_eq!(ModelFile::from_json(&model.to_json()).as_ref(), Ok(&model));
    if let Ok(cfg) = model.apply_to(&ExperimentConfig::default()) {
        assert_eq!(cfg.clone().clamped(), cfg, "{text:.300}");
    }
    true
}

#[test]
fn the_model_reader_survives_thousands_of_mutated_and_random_files() {
    let pool = [
        saved("output=auto&dataset=xor&x=true&y=true&xSquared=true&standardize=true&networkShape=3,2&activation=relu&init=he&seed=4"),
        saved("output=auto&dataset=blobs&classes=4&networkShape=5&activation=elu&init=he&seed=5"),
        saved("output=tf&problem=regression&regDataset=reg-gauss&networkShape=2&activation=tanh&seed=6"),
        saved("output=tf&dataset=gauss&networkShape=&seed=7"),
    ];
    let mut rng = Pcg32::new(0x15f, 19);
    let mut read = 0;
    for _ in 0..CASES {
        let valid = &pool[rng.below(pool.len() as u32) as usize];
        let text = match rng.below(6) {
            0 => random_text(&mut rng, JSON_CHARS, 300),
            1 | 2 => mutate(&mut rng, valid),
            _ => mutate_numbers(&mut rng, valid),
        };
        read += usize::from(check(&text));
    }
    eprintln!("{read} of {CASES} read");
    assert!(
        read > CASES / 20,
        "only {read} of {CASES} read: the mutations reach no deeper"
    );
}
