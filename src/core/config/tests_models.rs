//! The models added beside the MLP and the perceptron: logistic regression and line mode.
use super::*;

#[test]
fn logistic_and_line_round_trip_in_links() {
    for hash in [
        "model=logistic&networkShape=3,2&dataset=gauss",
        "model=line&lineStart=0.5,-2&learningRate=0.01&batchSize=7",
    ] {
        let (cfg, notes) = ExperimentConfig::from_hash(hash);
        assert!(notes.is_empty(), "{hash}: {notes:?}");
        let (back, notes) = ExperimentConfig::from_hash(&cfg.to_hash());
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(back, cfg);
    }
    let (cfg, _) = ExperimentConfig::from_hash("model=line&lineStart=0.5,-2");
    assert_eq!((cfg.model, cfg.line_start), (Model::Line, [0.5, -2.0]));
    assert!(cfg.to_hash().contains("lineStart=0.5,-2"));
}

#[test]
fn logistic_regression_has_no_hidden_layer_but_keeps_the_shape() {
    let (cfg, _) = ExperimentConfig::from_hash("model=logistic&networkShape=4,2");
    assert_eq!(cfg.network_shape, vec![4, 2], "kept for the neural network");
    assert!(cfg.hidden_shape().is_empty());
    assert_eq!(cfg.layer_sizes(), vec![2, 1]);
    assert_eq!(cfg.param_count(), 3);
    assert_eq!(cfg.output(), crate::core::loss::Output::Binary);
    let (cfg, notes) = ExperimentConfig::from_hash("model=logistic&problem=regression");
    assert_eq!(cfg.problem, Problem::Classification);
    assert_eq!(notes.len(), 1, "{notes:?}");
}

#[test]
fn line_start_is_clamped_or_refused_with_a_note() {
    let (cfg, notes) = ExperimentConfig::from_hash("model=line&lineStart=100,-1");
    assert_eq!(cfg.line_start, [limits::LINE_START.1, -1.0]);
    assert_eq!(notes.len(), 1, "{notes:?}");
    for bad in ["1", "a,b", "1,2,3", "NaN,1", "inf,0"] {
        let (cfg, notes) = ExperimentConfig::from_hash(&format!("lineStart={bad}"));
        assert_eq!(
            cfg.line_start,
            ExperimentConfig::default().line_start,
            "{bad}"
        );
        assert_eq!(notes.len(), 1, "{bad}: {notes:?}");
    }
    let wild = ExperimentConfig {
        line_start: [f64::NAN, -1e9],
        ..ExperimentConfig::default()
    }
    .clamped();
    assert_eq!(wild.line_start, [0.0, limits::LINE_START.0]);
}

#[test]
fn a_new_start_rebuilds_and_a_model_change_rebuilds() {
    let a = ExperimentConfig::default();
    let b = ExperimentConfig {
        line_start: [0.0, 0.0],
        ..a.clone()
    };
    assert_eq!(a.change_to(&b), Change::Rebuild);
    let c = ExperimentConfig {
        model: Model::Logistic,
        ..a.clone()
    };
    assert_eq!(a.change_to(&c), Change::Rebuild);
    assert_eq!(
        Model::ALL.map(|m| Model::from_name(m.name())),
        Model::ALL.map(Some)
    );
}

#[test]
fn curve_mode_round_trips_in_links_long_and_short() {
    let hash = "model=curve&curve=cubic&networkShape=8,8&samples=40&noise=20&sinX=true&seed=7";
    let (cfg, notes) = ExperimentConfig::from_hash(hash);
    assert!(notes.is_empty(), "{notes:?}");
    assert_eq!((cfg.model, cfg.curve), (Model::Curve, CurveKind::Cubic));
    for link in [cfg.to_hash(), cfg.to_short_hash()] {
        let (back, notes) = ExperimentConfig::from_hash(&link);
        assert!(notes.is_empty(), "{link}: {notes:?}");
        assert_eq!(back, cfg, "{link}");
    }
    let short = cfg.to_short_hash();
    assert!(
        short.contains("model=curve") && short.contains("curve=cubic"),
        "{short}"
    );
    let sine = ExperimentConfig::from_hash("model=curve").0;
    assert_eq!(sine.curve, CurveKind::Sine, "the default curve");
    assert!(
        !sine.to_short_hash().contains("curve="),
        "the default is not written"
    );
    assert!(!is_tf_link(["curve"]), "curve is our own key");
}

#[test]
fn unknown_curves_and_models_fall_back_with_a_note() {
    for (hash, model, curve) in [
        ("model=curve&curve=zigzag", Model::Curve, CurveKind::Sine),
        ("model=curves&curve=step", Model::Mlp, CurveKind::Step),
        ("model=curve&curve=", Model::Curve, CurveKind::Sine),
        ("model=curve&curve=%FF%FE", Model::Curve, CurveKind::Sine),
    ] {
        let (cfg, notes) = ExperimentConfig::from_hash(hash);
        assert_eq!((cfg.model, cfg.curve), (model, curve), "{hash}");
        let expected = usize::from(!hash.ends_with("curve="));
        assert_eq!(notes.len(), expected, "{hash}: {notes:?}");
    }
}

#[test]
fn curve_mode_builds_a_regression_network_on_features_of_x() {
    let (cfg, notes) = ExperimentConfig::from_hash(
        "model=curve&networkShape=8,8&x=true&y=true&xSquared=true&xTimesY=true&sinY=true&problem=classification",
    );
    assert!(notes.is_empty(), "{notes:?}");
    assert!(
        cfg.features.contains(Feature::X2),
        "the flags are kept for the network"
    );
    let inputs: Vec<Feature> = cfg.input_features().enabled().collect();
    assert_eq!(
        inputs,
        [Feature::X1, Feature::X1Squared],
        "x₂ is the target"
    );
    assert_eq!(cfg.layer_sizes(), vec![2, 8, 8, 1]);
    assert_eq!(cfg.param_count(), 2 * 8 + 8 + 8 * 8 + 8 + 8 + 1);
    assert_eq!(cfg.output(), crate::core::loss::Output::Regression);
    assert_eq!(cfg.class_count(), 1);
    assert_eq!(cfg.domain(), crate::core::domain::Domain::SQUARE);
    assert_eq!(cfg.axis_names(), ("x (x₁)", "y (x₂)"));
    let tf = ExperimentConfig::from_hash("model=curve&output=tf").0;
    assert_eq!(
        tf.output(),
        crate::core::loss::Output::Regression,
        "always the mean squared error"
    );
    let (cfg, notes) = ExperimentConfig::from_hash("model=curve&x=false&y=true&sinY=true");
    assert_eq!(cfg.layer_sizes()[0], 1, "x₁ when no feature of x is on");
    assert!(notes.is_empty(), "a valid link: {notes:?}");
}

#[test]
fn a_new_curve_rebuilds() {
    let a = ExperimentConfig::from_hash("model=curve").0;
    let b = ExperimentConfig {
        curve: CurveKind::Step,
        ..a.clone()
    };
    assert_eq!(a.change_to(&b), Change::Rebuild);
    assert!(Model::Curve.fits_xy() && Model::Line.fits_xy() && !Model::Mlp.fits_xy());
    assert!(Model::Curve.uses_network());
}

#[test]
fn digits_start_with_the_lessons_hidden_layer_of_16() {
    // A link that names the mode but not the network: 64-16-10, as the model choice gives.
    let (cfg, notes) = ExperimentConfig::from_hash("model=digits");
    assert_eq!(cfg.network_shape, vec![16]);
    assert_eq!(cfg.layer_sizes(), vec![64, 16, 10]);
    assert!(notes.is_empty(), "{notes:?}");
    let mut chosen = ExperimentConfig::default();
    chosen.choose_model(Model::Digits);
    assert_eq!(
        chosen.network_shape, cfg.network_shape,
        "menu and link agree"
    );
    // A shape the link gives is kept, no hidden layer included; other modes keep 4, 2.
    assert_eq!(
        ExperimentConfig::from_hash("model=digits&networkShape=4,2")
            .0
            .network_shape,
        vec![4, 2]
    );
    let none = ExperimentConfig::from_hash("model=digits&networkShape=").0;
    assert!(none.network_shape.is_empty());
    assert_eq!(
        ExperimentConfig::from_hash("model=mlp").0.network_shape,
        vec![4, 2]
    );
    // The short link (the QR code's) reads back to the same network either way.
    for shape in [vec![16], vec![4, 2], vec![]] {
        let c = ExperimentConfig {
            network_shape: shape.clone(),
            ..cfg.clone()
        };
        let back = ExperimentConfig::from_hash(&c.to_short_hash()).0;
        assert_eq!(back.network_shape, shape);
        assert_eq!(back.model, Model::Digits);
    }
}
