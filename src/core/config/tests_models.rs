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
