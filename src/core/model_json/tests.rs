use super::*;
use crate::core::snapshot::Grid;
use crate::core::trainer::Trainer;

fn bits(v: &[f64]) -> Vec<u64> {
    v.iter().map(|x| x.to_bits()).collect()
}

fn trained(link: &str) -> Trainer {
    let (cfg, notes) = ExperimentConfig::from_hash(link);
    assert!(notes.is_empty(), "{notes:?}");
    let mut t = Trainer::new(cfg);
    t.step(30);
    t
}

/// Four kinds of model: standardized features with ReLU, softmax, the Playground's
/// regression and its tanh output without a hidden layer.
fn models() -> Vec<Trainer> {
    [
        "output=auto&dataset=xor&x=true&y=true&xSquared=true&standardize=true&networkShape=3,2&activation=relu&init=he&seed=4",
        "output=auto&dataset=blobs&classes=4&networkShape=5&activation=elu&init=he&seed=5",
        "output=tf&problem=regression&regDataset=reg-gauss&networkShape=6,6&activation=tanh&seed=6",
        "output=tf&dataset=gauss&networkShape=&seed=7",
    ]
    .into_iter()
    .map(trained)
    .collect()
}

fn grid(t: &Trainer) -> Vec<u64> {
    let snap = t.snapshot();
    let mut g = Grid::default();
    snap.evaluate_grid(&mut snap.net.clone(), 12, true, &mut g);
    bits(&g.outputs)
}

#[test]
fn a_model_read_back_predicts_exactly_the_same() {
    for t in models() {
        let json = t.model_json();
        let model = ModelFile::from_json(&json).unwrap_or_else(|e| panic!("{e}\n{json}"));
        assert_eq!(bits(&model.params), bits(&t.net().params));
        assert_eq!(model.output, t.net().output());
        assert_eq!(model.to_json(), json);
        // The file's own predictions agree with the trainer's network, bit for bit.
        let (mut net, mut ours) = (model.to_mlp(), t.net().clone());
        let snap = t.snapshot();
        for (x1, x2) in [(0.5, -1.25), (-5.0, 4.0), (3.3, 3.3)] {
            let mut input = vec![0.0; snap.features.len()];
            snap.features.write(x1, x2, &mut input);
            snap.standardizer.apply(&mut input);
            assert_eq!(
                bits(&model.predict(&mut net, x1, x2)),
                bits(ours.forward(&input))
            );
        }
        // Loaded into the same experiment, the trainer starts from it: the same heatmap.
        let cfg = model.apply_to(t.config()).unwrap();
        let loaded = Trainer::new(cfg);
        assert_eq!(bits(&loaded.net().params), bits(&t.net().params));
        assert_eq!(grid(&loaded), grid(&t));
    }
}

#[test]
fn the_json_is_readable() {
    let json = models()[0].model_json();
    for needle in [
        "\"format\": \"nn-playground-model\"",
        "\"version\": 1",
        "\"inputs\": [\"x\", \"y\", \"xSquared\"]",
        "\"standardizer\": {\"mean\": [",
        "\"sizes\": [3, 3, 2, 1]",
        "\"output\": \"sigmoid\"",
        "\"activation\": \"relu\"",
        "\"biases\": [",
    ] {
        assert!(json.contains(needle), "{needle} in\n{json}");
    }
}

#[test]
fn a_model_is_loaded_into_another_experiment() {
    let softmax = ModelFile::from_json(&models()[1].model_json()).unwrap();
    let cfg = softmax.apply_to(&ExperimentConfig::default()).unwrap();
    assert_eq!(
        (cfg.dataset, cfg.classes, cfg.output()),
        (DatasetKind::Blobs, 4, Output::Softmax(4))
    );
    let regression = ModelFile::from_json(&models()[2].model_json()).unwrap();
    let cfg = regression.apply_to(&ExperimentConfig::default()).unwrap();
    assert_eq!(
        (cfg.problem, cfg.output()),
        (Problem::Regression, Output::TfLinear)
    );
    // Points with five classes cannot take a four-class model.
    let (five, _) = ExperimentConfig::from_hash("output=auto&points=1,1,4;2,2,0");
    let err = softmax.apply_to(&five).unwrap_err();
    assert!(err.contains("does not fit"), "{err}");
}

fn refused(json: &str) -> String {
    ModelFile::from_json(json).expect_err("should be refused")
}

#[test]
fn malformed_models_are_refused_with_a_message() {
    let json = models()[0].model_json();
    // Truncated anywhere.
    for end in 0..json.len() - 2 {
        assert!(ModelFile::from_json(&json[..end]).is_err(), "{end}");
    }
    let first_weight = json.split("\"weights\": [\n        [").nth(1).unwrap();
    let w = first_weight.split([',', ']']).next().unwrap();
    let with_weight = |v: &str| json.replacen(&format!("[{w},"), &format!("[{v},"), 1);
    for (bad, needle) in [
        (
            json.replace("\"version\": 1", "\"version\": \"1\""),
            "version: expected a number, found a string",
        ),
        (
            json.replace("\"version\": 1", "\"version\": 2"),
            "version 2 is not supported",
        ),
        (json.replace("nn-playground-model", "keras"), "format"),
        (with_weight("1e999"), "too large"),
        (
            with_weight("null"),
            "layers[0].weights[0][0]: expected a number, found null",
        ),
        (
            with_weight(&("[".repeat(200) + &"]".repeat(200))),
            "nested deeper",
        ),
        (with_weight("[1]"), "expected a number, found an array"),
        (
            json.replacen(&format!("[{w}, "), "[", 1),
            "layers[0].weights[0]: expected 3 numbers, found 2",
        ),
        (
            json.replace("\"sizes\": [3, 3, 2, 1]", "\"sizes\": [3, 3, 2, 2]"),
            "output: sigmoid has 1 unit",
        ),
        (
            json.replace("\"sizes\": [3, 3, 2, 1]", "\"sizes\": [3, 3, 1]"),
            "layers: expected 2 layers",
        ),
        (
            json.replace("\"sizes\": [3, 3, 2, 1]", "\"sizes\": [3, 99, 2, 1]"),
            "sizes[1]: 99 is not a whole number from 1 to 16",
        ),
        (
            json.replace("\"sizes\": [3, 3, 2, 1]", "\"sizes\": [3, 2.5, 2, 1]"),
            "sizes[1]",
        ),
        (
            json.replace("\"output\": \"sigmoid\"", "\"output\": \"swish\""),
            "unknown kind",
        ),
        (
            json.replace(
                "\"inputs\": [\"x\", \"y\", \"xSquared\"]",
                "\"inputs\": [\"y\", \"x\", \"xSquared\"]",
            ),
            "in the order",
        ),
        (
            json.replace(
                "\"inputs\": [\"x\", \"y\", \"xSquared\"]",
                "\"inputs\": [\"x\", \"y\", \"z\"]",
            ),
            "unknown feature \"z\"",
        ),
        (
            json.replacen("\"activation\": \"relu\"", "\"activation\": \"tanh\"", 1),
            "same activation",
        ),
        (
            json.replace("\"activation\": \"sigmoid\"", "\"activation\": \"tanh\""),
            "the output layer of sigmoid is sigmoid",
        ),
        (
            json.replace("\"standardizer\": {\"mean\"", "\"standardizer\": {\"avg\""),
            "\"mean\" is missing",
        ),
        (
            json.replace("\"layers\"", "\"strata\""),
            "\"layers\" is missing",
        ),
        (
            "[1, 2]".to_string(),
            "expected a JSON object, found an array",
        ),
        (format!("{json} x"), "text after the end"),
    ] {
        let err = refused(&bad);
        assert!(err.contains(needle), "wanted {needle:?}, got {err:?}");
    }
}

#[test]
fn mutated_models_never_panic() {
    let json = models()[1].model_json().into_bytes();
    let mut rng = Pcg32::new(11, 11);
    let junk = b"{}[],:\"\\0123456789.eE+-nultrf \n\xff";
    for _ in 0..1500 {
        let mut bytes = json.clone();
        for _ in 0..1 + rng.below(4) {
            let i = rng.below(bytes.len() as u32) as usize;
            match rng.below(3) {
                0 => bytes[i] = junk[rng.below(junk.len() as u32) as usize],
                1 => {
                    bytes.remove(i);
                }
                _ => bytes.insert(i, junk[rng.below(junk.len() as u32) as usize]),
            }
        }
        let text = String::from_utf8_lossy(&bytes);
        if let Ok(model) = ModelFile::from_json(&text) {
            let _ = model.apply_to(&ExperimentConfig::default());
            let _ = model.to_json();
        }
    }
}

#[test]
fn quoted_input_in_errors_is_cut_short() {
    let long = "x".repeat(1_900_000);
    let text = format!("{{\"format\": \"{long}\"}}");
    let err = ModelFile::from_json(&text).unwrap_err();
    assert!(err.len() < 200, "{} characters", err.len());
    assert!(err.contains("found \"xxxxxxxxxxxxxxxxxxxxxxxx…\""), "{err}");
}

#[test]
fn weights_that_cannot_train_are_refused_and_a_forced_data_set_is_said() {
    use crate::core::config::ExperimentConfig;
    use crate::core::trainer::Trainer;
    let six = "dataset=blobs&classes=6&networkShape=3";
    let (cfg, _) = ExperimentConfig::from_hash(six);
    let json = Trainer::new(cfg).model_json();
    let mut model = ModelFile::from_json(&json).expect("reads");
    model.params[0] = 1e308;
    let refused = ModelFile::from_json(&model.to_json()).unwrap_err();
    assert!(refused.contains("weight 1 is 1e308"), "{refused}");
    let model = ModelFile::from_json(&json).expect("reads");
    let (two, _) = ExperimentConfig::from_hash("points=1,1,0;2,2,1;3,3,0");
    let (drawn, _) = ExperimentConfig::from_hash("dataset=xor");
    for old in [drawn, two] {
        let new = model.apply_to(&old).expect("fits");
        let notes = model.changes(&old, &new);
        let said = |n: &String| n.contains("data set is now") && n.contains("6 classes");
        assert!(notes.iter().any(said), "{notes:?}");
    }
}
