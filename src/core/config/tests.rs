use super::*;

#[test]
fn default_round_trips() {
    let cfg = ExperimentConfig::default();
    let (back, notes) = ExperimentConfig::from_hash(&cfg.to_hash());
    assert_eq!(back, cfg);
    assert!(notes.is_empty(), "{notes:?}");
}

#[test]
fn a_tensorflow_playground_link_is_read() {
    let link = "#activation=relu&batchSize=10&dataset=circle&regDataset=reg-plane&learningRate=0.03\
        &regularizationRate=0&noise=0&networkShape=4,2&seed=0.80279&showTestData=false&discretize=false\
        &percTrainData=50&x=true&y=true&xTimesY=false&xSquared=true&ySquared=false&cosX=false&sinX=false\
        &cosY=false&sinY=false&collectStats=false&problem=classification&initZero=false&regularization=L2";
    let (cfg, notes) = ExperimentConfig::from_hash(link);
    assert!(notes.is_empty(), "{notes:?}");
    assert_eq!(cfg.activation, Activation::Relu);
    assert_eq!(cfg.dataset, DatasetKind::Circle);
    assert_eq!(cfg.network_shape, vec![4, 2]);
    assert_eq!(cfg.regularization, Regularization::L2);
    assert!(!cfg.show_test_data);
    assert!(
        cfg.features.contains(Feature::X1Squared) && !cfg.features.contains(Feature::X1TimesX2)
    );
    assert_eq!(cfg.features.len(), 3);
    assert_eq!(cfg.init, Init::Xavier);
}

#[test]
fn an_empty_network_shape_means_no_hidden_layer() {
    let (cfg, notes) = ExperimentConfig::from_hash("networkShape=&learningRate=0.1");
    assert!(cfg.network_shape.is_empty());
    assert!(notes.is_empty());
    assert_eq!(ExperimentConfig::from_hash(&cfg.to_hash()).0, cfg);
}

#[test]
fn bad_values_fall_back_and_out_of_range_values_are_clamped_with_notes() {
    let (cfg, notes) = ExperimentConfig::from_hash(
        "#learningRate=abc&noise=80&networkShape=4,99,2,2,2,2,2,2,2,2&activation=swish&batchSize=-3&wat=1",
    );
    assert_eq!(cfg.learning_rate, 0.03);
    assert_eq!(cfg.noise, 50);
    assert_eq!(cfg.network_shape, vec![4, 16, 2, 2, 2, 2, 2, 2]);
    assert_eq!(cfg.activation, Activation::Tanh);
    assert_eq!(cfg.batch_size, 1);
    let text = notes.join("\n");
    for needle in [
        "learningRate",
        "noise",
        "networkShape",
        "activation",
        "batchSize",
        "'wat'",
    ] {
        assert!(text.contains(needle), "no note for {needle}: {text}");
    }
}

#[test]
fn the_plain_points_form_is_accepted_and_bad_entries_are_reported() {
    let (cfg, notes) = ExperimentConfig::from_hash("points=1,2,0;-3.5,4.25,1;oops;1,2;7,7,1");
    let pts = cfg.points.expect("points");
    assert_eq!(
        pts,
        vec![
            Point::new(1.0, 2.0, 0.0),
            Point::new(-3.5, 4.25, 1.0),
            Point::new(6.0, 6.0, 1.0)
        ]
    );
    assert_eq!(notes.len(), 3, "{notes:?}");
    assert!(
        notes[2].contains("1 point was outside the plot"),
        "{notes:?}"
    );
    let (empty, _) = ExperimentConfig::from_hash("points=");
    assert_eq!(empty.points, Some(vec![]));
}

#[test]
fn percent_escapes_and_string_seeds() {
    let (cfg, _) = ExperimentConfig::from_hash("points=1%2C2%2C1&seed=0.5");
    assert_eq!(cfg.points, Some(vec![Point::new(1.0, 2.0, 1.0)]));
    let (again, _) = ExperimentConfig::from_hash("seed=0.5");
    assert_eq!(cfg.seed, again.seed);
    assert_ne!(cfg.seed, ExperimentConfig::from_hash("seed=0.6").0.seed);
    // Malformed escapes are kept as written; bytes that are not UTF-8 become U+FFFD.
    let decode = parser::percent_decode;
    assert_eq!(decode("a%2Cb%e2%82%ACc"), "a,b€c");
    assert_eq!(decode("%"), "%");
    assert_eq!(decode("%2"), "%2");
    assert_eq!(decode("%zz%4"), "%zz%4");
    assert_eq!(decode("1+2"), "1+2");
    assert_eq!(decode("%FF%FEx"), "\u{fffd}\u{fffd}x");
}

#[test]
fn hostile_input_never_panics() {
    let long = "a".repeat(300_000);
    let nasty = [
        "",
        "#",
        "&&&",
        "=",
        "==&=",
        "%",
        "%zz%4",
        "networkShape=,,,,",
        "noise=1e400",
        "noise=NaN",
        "learningRate=-inf",
        "speed=99999999999999999999",
        "points=;;;",
        "points=1e308,1e308,1e308",
        "seed=-1",
        "dataset=reg-plane",
        "x=false&y=false",
        "<script>alert(1)</script>=1",
        "é=ü&ß",
        &long,
    ];
    for hash in nasty {
        let (cfg, _) = ExperimentConfig::from_hash(hash);
        assert_eq!(cfg.clone().clamped(), cfg, "{hash:.40}");
    }
    let (cfg, notes) = ExperimentConfig::from_hash("x=false&y=false");
    assert_eq!(cfg.features, FeatureSet::default());
    assert_eq!(notes.len(), 1);
}

#[test]
fn the_short_hash_has_only_what_differs_from_the_defaults() {
    let cfg = ExperimentConfig::default();
    assert_eq!(
        cfg.to_short_hash(),
        "output=auto",
        "ours, not a Playground link"
    );
    assert_eq!(ExperimentConfig::from_hash("output=auto").0, cfg);
    let changed = ExperimentConfig {
        seed: 5,
        network_shape: vec![],
        features: cfg.features.with(Feature::X1TimesX2, true),
        ..cfg.clone()
    };
    let short = changed.to_short_hash();
    assert_eq!(short, "networkShape=&seed=5&output=auto&xTimesY=true");
    assert_eq!(ExperimentConfig::from_hash(&short).0, changed);
    assert!(
        short.len() * 10 < changed.to_hash().len(),
        "{} vs {}",
        short.len(),
        changed.to_hash().len()
    );
}

#[test]
fn changes_are_sorted_into_rebuild_live_and_redraw() {
    let base = ExperimentConfig::default();
    let with = |f: fn(&mut ExperimentConfig)| {
        let mut c = base.clone();
        f(&mut c);
        base.change_to(&c)
    };
    assert_eq!(with(|_| {}), Change::None);
    assert_eq!(with(|c| c.discretize = true), Change::Redraw);
    assert_eq!(with(|c| c.learning_rate = 0.1), Change::Live);
    assert_eq!(with(|c| c.optimizer = OptimizerKind::Adam), Change::Live);
    assert_eq!(
        with(|c| c.gradient = crate::core::gradients::GradientMethod::Numerical),
        Change::Live
    );
    assert_eq!(with(|c| c.network_shape = vec![3]), Change::Rebuild);
    assert_eq!(with(|c| c.activation = Activation::Relu), Change::Rebuild);
    assert_eq!(with(|c| c.noise = 10), Change::Rebuild);
    assert_eq!(
        with(|c| c.points = Some(vec![])),
        Change::Live,
        "point edits apply live, generated or drawn"
    );
    let mut drawn = base.clone();
    drawn.points = Some(vec![Point::new(1.0, 1.0, 1.0)]);
    let mut more = drawn.clone();
    more.points
        .as_mut()
        .unwrap()
        .push(Point::new(2.0, 1.0, 0.0));
    assert_eq!(drawn.change_to(&more), Change::Live);
    more.points
        .as_mut()
        .unwrap()
        .push(Point::new(2.0, 1.0, 2.0));
    assert_eq!(
        drawn.change_to(&more),
        Change::Output,
        "a third class changes the output layer only"
    );
}

/// The names of a struct's fields, from its `Debug` text (the top level only).
fn debug_field_names(debug: &str) -> Vec<String> {
    let body = &debug[debug.find('{').map_or(0, |i| i + 1)..];
    let (mut depth, mut names, mut current) = (0, Vec::new(), String::new());
    for ch in body.chars() {
        match ch {
            '{' | '[' | '(' => depth += 1,
            '}' | ']' | ')' => depth -= 1,
            ':' if depth == 0 && !current.trim().is_empty() => {
                names.push(current.trim().to_string());
                current.clear();
                continue;
            }
            ',' if depth == 0 => current.clear(),
            _ if depth == 0 => current.push(ch),
            _ => {}
        }
        if depth != 0 {
            current.clear();
        }
    }
    names
}

/// Every field of the config is sorted, and sorted as the TensorFlow Playground sorts it
/// (issue 14: a field left out of a hand-written list silently became "redraw").
#[test]
fn every_field_is_sorted() {
    use crate::core::features::Feature;
    type Edit = fn(&mut ExperimentConfig);
    let fields: &[(&str, Edit, Change)] = &[
        ("model", |c| c.model = Model::Logistic, Change::Rebuild),
        ("weights", |c| c.weights[0] = 2.0, Change::Rebuild),
        (
            "perceptron_step",
            |c| c.perceptron_step = PerceptronStep::Epoch,
            Change::Live,
        ),
        ("compare", |c| c.compare = true, Change::Redraw),
        ("line_start", |c| c.line_start = [0.0, 0.0], Change::Rebuild),
        ("curve", |c| c.curve = CurveKind::Parabola, Change::Rebuild),
        (
            "problem",
            |c| c.problem = Problem::Regression,
            Change::Rebuild,
        ),
        (
            "dataset",
            |c| c.dataset = DatasetKind::Circle,
            Change::Rebuild,
        ),
        (
            "reg_dataset",
            |c| c.reg_dataset = DatasetKind::RegGauss,
            Change::Redraw,
        ),
        ("classes", |c| c.classes = 4, Change::Rebuild),
        ("samples", |c| c.samples = 100, Change::Rebuild),
        ("noise", |c| c.noise = 5, Change::Rebuild),
        ("perc_train", |c| c.perc_train = 70, Change::Rebuild),
        ("seed", |c| c.seed = 2, Change::Rebuild),
        ("restart", |c| c.restart = 1, Change::Rebuild),
        (
            "features",
            |c| c.features = c.features.with(Feature::SinX1, true),
            Change::Rebuild,
        ),
        ("standardize", |c| c.standardize = true, Change::Rebuild),
        (
            "network_shape",
            |c| c.network_shape = vec![3],
            Change::Rebuild,
        ),
        (
            "activation",
            |c| c.activation = Activation::Relu,
            Change::Rebuild,
        ),
        (
            "init",
            |c| c.init = crate::core::mlp::Init::He,
            Change::Rebuild,
        ),
        ("learning_rate", |c| c.learning_rate = 0.1, Change::Live),
        (
            "lr_schedule",
            |c| c.lr_schedule = LrSchedule::Exponential,
            Change::Live,
        ),
        ("lr_decay", |c| c.lr_decay = 0.02, Change::Live),
        ("batch_size", |c| c.batch_size = 5, Change::Live),
        (
            "optimizer",
            |c| c.optimizer = OptimizerKind::Adam,
            Change::Live,
        ),
        (
            "regularization",
            |c| c.regularization = Regularization::L2,
            Change::Live,
        ),
        (
            "regularization_rate",
            |c| c.regularization_rate = 0.01,
            Change::Live,
        ),
        ("dropout", |c| c.dropout = 0.2, Change::Live),
        (
            "gradient",
            |c| c.gradient = crate::core::gradients::GradientMethod::Numerical,
            Change::Live,
        ),
        ("epsilon", |c| c.epsilon = 1e-3, Change::Live),
        ("search_step", |c| c.search_step = 0.2, Change::Live),
        ("patience", |c| c.patience = 10, Change::Live),
        ("speed", |c| c.speed = Speed::Max, Change::Live),
        (
            "show_test_data",
            |c| c.show_test_data = false,
            Change::Redraw,
        ),
        ("discretize", |c| c.discretize = true, Change::Redraw),
        (
            "points",
            |c| c.points = Some(vec![Point::new(1.0, 1.0, 1.0)]),
            Change::Live,
        ),
        ("output", |c| c.output = OutputStyle::Tf, Change::Rebuild),
        (
            "hidden",
            |c| {
                c.hidden.set("learningRate", true);
            },
            Change::Redraw,
        ),
        ("hide_text", |c| c.hide_text = true, Change::Redraw),
        ("lecture", |c| c.lecture = true, Change::Redraw),
        ("boundary_line", |c| c.boundary_line = false, Change::Redraw),
        (
            "params",
            |c| c.params = Some(vec![0.5; 17]),
            Change::Rebuild,
        ),
    ];
    let base = ExperimentConfig::default();
    let names: Vec<&str> = fields.iter().map(|f| f.0).collect();
    assert_eq!(
        debug_field_names(&format!("{base:?}")),
        names,
        "every field of ExperimentConfig has a row here, in order"
    );
    for &(name, edit, expected) in fields {
        let mut new = base.clone();
        edit(&mut new);
        assert_ne!(new, base, "{name}: the edit changes the field");
        assert_eq!(base.change_to(&new), expected, "{name}");
    }
}

#[test]
fn typed_numbers_are_checked_clamped_or_refused() {
    assert_eq!(
        typed_number("Learning rate", "0.1", limits::LEARNING_RATE),
        (Some(0.1), None)
    );
    let (v, msg) = typed_number("Learning rate", "50", limits::LEARNING_RATE);
    assert_eq!(v, Some(10.0));
    assert_eq!(
        msg.as_deref(),
        Some("Learning rate: 50 is outside 0.000001 to 10; used 10.")
    );
    let (v, msg) = typed_number("Learning rate", "fast", limits::LEARNING_RATE);
    assert_eq!(v, None);
    assert!(msg.unwrap().contains("'fast' is not a number"));
    assert_eq!(typed_number("x", "NaN", (0.0, 1.0)).0, None);
    assert_eq!(typed_number("x", "-inf", (0.0, 1.0)).0, Some(0.0));
}

#[test]
fn the_perceptron_link_of_the_issue_is_read() {
    let (cfg, notes) =
        ExperimentConfig::from_hash("model=perceptron&weights=3,4,-10&learningRate=0.1");
    assert!(notes.is_empty(), "{notes:?}");
    assert_eq!(cfg.model, Model::Perceptron);
    assert_eq!(cfg.weights, [3.0, 4.0, -10.0]);
    assert_eq!(cfg.learning_rate, 0.1);
    let (bad, notes) = ExperimentConfig::from_hash("weights=1,x,3");
    assert_eq!(bad.weights, [1.0, 1.0, 0.0]);
    assert_eq!(notes.len(), 1);
    let (big, notes) = ExperimentConfig::from_hash("weights=1e9,0,0");
    assert_eq!(big.weights, [1000.0, 0.0, 0.0]);
    assert_eq!(notes.len(), 1);
}

#[test]
fn learning_rate_schedules_by_hand() {
    let base = ExperimentConfig {
        learning_rate: 0.8,
        ..ExperimentConfig::default()
    };
    assert_eq!(base.learning_rate_at(1000), 0.8);
    let exp = ExperimentConfig {
        lr_schedule: LrSchedule::Exponential,
        lr_decay: 0.5,
        ..base.clone()
    };
    assert_eq!(exp.learning_rate_at(0), 0.8);
    assert_eq!(exp.learning_rate_at(3), 0.1);
    let step = ExperimentConfig {
        lr_schedule: LrSchedule::Step,
        lr_decay: 10.0,
        ..base
    };
    assert_eq!(step.learning_rate_at(9), 0.8);
    assert_eq!(step.learning_rate_at(10), 0.4);
    assert_eq!(step.learning_rate_at(25), 0.2);
    assert!(step.learning_rate_at(u64::MAX) >= 0.0);
}

#[test]
fn lecture_mode_round_trips_and_keeps_a_playground_link_the_playground_s() {
    let cfg = ExperimentConfig {
        lecture: true,
        ..ExperimentConfig::default()
    };
    let hash = cfg.to_hash();
    assert!(hash.contains("lecture=true"), "{hash}");
    assert_eq!(ExperimentConfig::from_hash(&hash).0, cfg);
    assert!(!ExperimentConfig::default().to_hash().contains("lecture"));
    let (tf, notes) = ExperimentConfig::from_hash("#dataset=xor&noise_hide=true&lecture=true");
    assert!(notes.is_empty(), "{notes:?}");
    assert!(tf.lecture && tf.hidden.contains("noise"));
    assert_eq!(tf.output, OutputStyle::Tf, "lecture=true is a view key");
    assert_eq!(
        ExperimentConfig::default().change_to(&cfg),
        Change::Redraw,
        "lecture mode only redraws"
    );
}

#[test]
fn the_boundary_line_is_a_view_key_written_only_when_off() {
    let off = ExperimentConfig {
        boundary_line: false,
        ..ExperimentConfig::default()
    };
    let hash = off.to_hash();
    assert!(hash.contains("boundaryLine=false"), "{hash}");
    assert_eq!(ExperimentConfig::from_hash(&hash).0, off);
    assert_eq!(ExperimentConfig::from_hash(&off.to_short_hash()).0, off);
    assert!(!ExperimentConfig::default()
        .to_hash()
        .contains("boundaryLine"));
    assert!(
        ExperimentConfig::from_hash("boundaryLine=true")
            .0
            .boundary_line
    );
    let (tf, notes) = ExperimentConfig::from_hash("#dataset=xor&boundaryLine=false");
    assert!(notes.is_empty(), "{notes:?}");
    assert!(!tf.boundary_line);
    assert_eq!(
        tf.output,
        OutputStyle::Tf,
        "a view key keeps a Playground link the Playground's"
    );
    let (bad, notes) = ExperimentConfig::from_hash("boundaryLine=maybe");
    assert!(
        bad.boundary_line && !notes.is_empty(),
        "a bad value falls back, with a note"
    );
    assert_eq!(ExperimentConfig::default().change_to(&off), Change::Redraw);
}
