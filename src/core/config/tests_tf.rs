//! TensorFlow Playground links: recognised, read with its defaults, and kept in our links.
use super::*;
use crate::core::loss::Output;

/// The Playground's own default link (what it writes on first load), with a seed.
const TF_DEFAULT: &str = "#activation=tanh&batchSize=10&dataset=circle&regDataset=reg-plane\
    &learningRate=0.03&regularizationRate=0&noise=0&networkShape=4,2&seed=0.80695\
    &showTestData=false&discretize=false&percTrainData=50&x=true&y=true&xTimesY=false\
    &xSquared=false&ySquared=false&cosX=false&sinX=false&cosY=false&sinY=false\
    &collectStats=false&problem=classification&initZero=false&hideText=false";

/// Our config for the Playground's defaults with a seed text.
fn tf_base(seed: &str) -> ExperimentConfig {
    ExperimentConfig {
        dataset: DatasetKind::Circle,
        show_test_data: false,
        output: OutputStyle::Tf,
        seed: ExperimentConfig::from_hash(&format!("output=auto&seed={seed}"))
            .0
            .seed,
        ..ExperimentConfig::default()
    }
}

fn features(keys: &[&str]) -> FeatureSet {
    FeatureSet::from_flags(Feature::ALL.map(|f| (f, keys.contains(&f.key()))))
}

fn hidden(names: &[&str]) -> HiddenControls {
    let mut h = HiddenControls::default();
    for name in names {
        assert!(h.set(name, true), "{name}");
    }
    h
}

/// Real-looking links, as the Playground writes them, and the experiment each must give.
fn table() -> Vec<(String, ExperimentConfig)> {
    let spiral = "#activation=relu&regularization=L2&batchSize=1&dataset=spiral\
        &regDataset=reg-plane&learningRate=0.01&regularizationRate=0.001&noise=15\
        &networkShape=8,8,6&seed=0.12345&showTestData=true&discretize=true&percTrainData=70\
        &x=true&y=true&xTimesY=true&xSquared=true&ySquared=true&cosX=false&sinX=true&cosY=false\
        &sinY=true&collectStats=false&problem=classification&initZero=false&hideText=false";
    let regression = "#activation=linear&regularization=none&batchSize=30&dataset=circle\
        &regDataset=reg-gauss&learningRate=0.003&regularizationRate=0&noise=5&networkShape=\
        &seed=0.5&showTestData=false&discretize=false&percTrainData=80&x=true&y=true\
        &xTimesY=false&xSquared=false&ySquared=false&cosX=false&sinX=false&cosY=false\
        &sinY=false&collectStats=false&problem=regression&initZero=true&hideText=true";
    let lecture = format!(
        "{TF_DEFAULT}&activation_hide=true&learningRate_hide=true&dataset_hide=true\
         &percTrainData_hide=true&networkShape_hide=true&problem_hide=true&noise_hide=true\
         &batchSize_hide=true&regularization_hide=true&regularizationRate_hide=true\
         &showTestData_hide=true&discretize_hide=true&playButton_hide=true&x_hide=false\
         &y_hide=false&numHiddenLayers_hide=true"
    );
    let hidden_input = "#dataset=gauss&xSquared=true&xSquared_hide=true&seed=0.99";
    vec![
        (TF_DEFAULT.to_string(), tf_base("0.80695")),
        (
            spiral.to_string(),
            ExperimentConfig {
                activation: Activation::Relu,
                regularization: Regularization::L2,
                batch_size: 1,
                dataset: DatasetKind::Spiral,
                learning_rate: 0.01,
                regularization_rate: 0.001,
                noise: 15,
                network_shape: vec![8, 8, 6],
                show_test_data: true,
                discretize: true,
                perc_train: 70,
                features: features(&["x", "y", "xTimesY", "xSquared", "ySquared", "sinX", "sinY"]),
                ..tf_base("0.12345")
            },
        ),
        (
            regression.to_string(),
            ExperimentConfig {
                activation: Activation::Linear,
                batch_size: 30,
                reg_dataset: DatasetKind::RegGauss,
                learning_rate: 0.003,
                noise: 5,
                network_shape: vec![],
                perc_train: 80,
                problem: Problem::Regression,
                init: Init::Zero,
                hide_text: true,
                samples: TF_REGRESSION_SAMPLES,
                ..tf_base("0.5")
            },
        ),
        (
            lecture,
            ExperimentConfig {
                hidden: hidden(&[
                    "activation",
                    "learningRate",
                    "dataset",
                    "percTrainData",
                    "networkShape",
                    "problem",
                    "noise",
                    "batchSize",
                    "regularization",
                    "regularizationRate",
                    "showTestData",
                    "discretize",
                    "playButton",
                    "numHiddenLayers",
                ]),
                ..tf_base("0.80695")
            },
        ),
        (
            // A hidden input is removed from the network, as the Playground does.
            hidden_input.to_string(),
            ExperimentConfig {
                dataset: DatasetKind::Gauss,
                hidden: hidden(&["xSquared"]),
                ..tf_base("0.99")
            },
        ),
        (
            // A hand-shortened link: the rest are the Playground's defaults.
            "#dataset=xor&networkShape=&activation=sigmoid&tutorial=dp-reluspiral".to_string(),
            ExperimentConfig {
                dataset: DatasetKind::Xor,
                network_shape: vec![],
                activation: Activation::Sigmoid,
                seed: 1,
                ..tf_base("0")
            },
        ),
    ]
}

#[test]
fn tensorflow_playground_links_give_the_same_experiment() {
    for (link, expected) in table() {
        let (cfg, notes) = ExperimentConfig::from_hash(&link);
        assert!(notes.is_empty(), "{link:.50}: {notes:?}");
        assert_eq!(cfg, expected, "{link:.50}");
        // Our link for it keeps the Playground's semantics and reads back the same.
        let ours = cfg.to_hash();
        assert!(ours.contains("output=tf"), "{ours}");
        let (back, notes) = ExperimentConfig::from_hash(&ours);
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(back, cfg, "{link:.50}");
    }
}

#[test]
fn the_playground_semantics_set_the_output_layer() {
    let (cls, _) = ExperimentConfig::from_hash(TF_DEFAULT);
    assert_eq!(cls.output(), Output::TfTanh);
    let (reg, _) = ExperimentConfig::from_hash("problem=regression&regDataset=reg-plane");
    assert_eq!(reg.output(), Output::TfLinear);
    assert_eq!(reg.samples, TF_REGRESSION_SAMPLES);
    // Our links and short links with one of our keys keep ours.
    let ours = ExperimentConfig::default();
    assert!(ours.to_hash().contains("output=auto"));
    assert_eq!(ours.output(), Output::Binary);
    let (mixed, _) = ExperimentConfig::from_hash("dataset=xor&networkShape=4&speed=5");
    assert_eq!(mixed.output, OutputStyle::Auto);
    let (explicit, _) = ExperimentConfig::from_hash("dataset=circle&output=auto");
    assert_eq!(explicit.output, OutputStyle::Auto);
    assert!(!is_tf_link(["wat", "nothing"]));
    assert!(is_tf_link(["x_hide"]));
    // Three classes have no Playground equivalent: softmax.
    let (blobs, _) = ExperimentConfig::from_hash("output=tf&dataset=blobs&classes=3");
    assert_eq!(blobs.output(), Output::Softmax(3));
}

#[test]
fn the_playground_data_sets_are_ours() {
    for (name, kind) in [
        ("circle", DatasetKind::Circle),
        ("xor", DatasetKind::Xor),
        ("gauss", DatasetKind::Gauss),
        ("spiral", DatasetKind::Spiral),
    ] {
        let (cfg, notes) = ExperimentConfig::from_hash(&format!("dataset={name}"));
        assert_eq!((cfg.active_dataset(), notes.len()), (kind, 0));
    }
    for (name, kind) in [
        ("reg-plane", DatasetKind::RegPlane),
        ("reg-gauss", DatasetKind::RegGauss),
    ] {
        let link = format!("problem=regression&regDataset={name}");
        let (cfg, notes) = ExperimentConfig::from_hash(&link);
        assert_eq!((cfg.active_dataset(), notes.len()), (kind, 0));
    }
}

#[test]
fn playground_seeds_are_decimals_and_map_deterministically() {
    let seed = |s: &str| ExperimentConfig::from_hash(&format!("seed={s}")).0.seed;
    assert_eq!(seed("0.80695"), seed("0.80695"));
    assert_ne!(seed("0.80695"), seed("0.80696"));
    assert_ne!(seed("0.80695"), 1);
    assert_eq!(seed("42"), 42);
    // An empty value is unset, as in the Playground.
    let defaults = ExperimentConfig {
        seed: 1,
        ..tf_base("0")
    };
    assert_eq!(
        ExperimentConfig::from_hash("seed=&learningRate=").0,
        defaults
    );
    assert!(ExperimentConfig::from_hash("seed=&learningRate=")
        .1
        .is_empty());
}

#[test]
fn hidden_controls_survive_our_links_and_bad_names_are_reported() {
    let mut cfg = ExperimentConfig {
        hide_text: true,
        ..ExperimentConfig::default()
    };
    cfg.hidden.set("learningRate", true);
    cfg.hidden.set("resetButton", true);
    let hash = cfg.to_hash();
    assert!(hash.contains("learningRate_hide=true&resetButton_hide=true"));
    assert!(hash.contains("hideText=true"));
    assert_eq!(ExperimentConfig::from_hash(&hash).0, cfg);
    // In our links a hidden input stays in the network: only its control is hidden.
    let (ours, _) = ExperimentConfig::from_hash("output=auto&xSquared=true&xSquared_hide=true");
    assert!(ours.features.contains(Feature::X1Squared));
    let (_, notes) = ExperimentConfig::from_hash("output=auto&wat_hide=true&noise_hide=maybe");
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert!(notes[0].contains("'wat'"), "{notes:?}");
    let (cfg, _) = ExperimentConfig::from_hash("noise_hide=true&noise_hide=false");
    assert!(cfg.hidden.is_empty());
    assert_eq!(
        ExperimentConfig::default().change_to(&ExperimentConfig {
            hide_text: true,
            ..ExperimentConfig::default()
        }),
        Change::Redraw
    );
}
