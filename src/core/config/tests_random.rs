//! Random experiments within the limits, and the round-trip property over them: the link of
//! any experiment reads back as the same experiment, in the full and the short form.
use super::*;
use crate::core::rng::Pcg32;

/// A random config inside the limits, for the round-trip property.
pub(super) fn random_config(rng: &mut Pcg32) -> ExperimentConfig {
    let pick = |rng: &mut Pcg32, n: usize| rng.below(n as u32) as usize;
    let mut cfg = ExperimentConfig {
        problem: if rng.below(2) == 0 {
            Problem::Classification
        } else {
            Problem::Regression
        },
        dataset: DatasetKind::CLASSIFICATION[pick(rng, 6)],
        reg_dataset: DatasetKind::REGRESSION[pick(rng, 2)],
        classes: 2 + pick(rng, 5),
        samples: 10 + pick(rng, 1990),
        noise: rng.below(51),
        perc_train: 10 + rng.below(81),
        seed: u64::from(rng.gen_u32()),
        restart: rng.below(100),
        features: FeatureSet::from_flags(Feature::ALL.map(|f| (f, rng.below(2) == 0))),
        standardize: rng.below(2) == 0,
        network_shape: (0..pick(rng, 9)).map(|_| 1 + pick(rng, 16)).collect(),
        activation: Activation::ALL[pick(rng, 7)],
        init: Init::ALL[pick(rng, 3)],
        learning_rate: rng.range(1e-6, 10.0),
        lr_schedule: LrSchedule::ALL[pick(rng, 3)],
        lr_decay: 0.0,
        batch_size: 1 + pick(rng, 500),
        optimizer: OptimizerKind::ALL[pick(rng, 3)],
        regularization: Regularization::ALL[pick(rng, 3)],
        regularization_rate: rng.range(0.0, 1.0),
        dropout: rng.range(0.0, 0.9),
        gradient: crate::core::gradients::GradientMethod::ALL[pick(rng, 3)],
        epsilon: rng.range(1e-8, 1.0),
        search_step: rng.range(1e-4, 10.0),
        patience: rng.below(1000),
        model: Model::ALL[pick(rng, Model::ALL.len())],
        line_start: [0; 2].map(|_| round_weight(rng.range(-20.0, 20.0))),
        curve: CurveKind::ALL[pick(rng, CurveKind::ALL.len())],
        weights: [0; 3].map(|_| round_weight(rng.range(-20.0, 20.0))),
        perceptron_step: if rng.below(2) == 0 {
            PerceptronStep::Point
        } else {
            PerceptronStep::Epoch
        },
        speed: if rng.below(5) == 0 {
            Speed::Max
        } else {
            Speed::EpochsPerFrame(1 + rng.below(500))
        },
        compare: rng.below(2) == 0,
        show_test_data: rng.below(2) == 0,
        discretize: rng.below(2) == 0,
        points: None,
        output: OutputStyle::ALL[pick(rng, 2)],
        hidden: HiddenControls::default(),
        hide_text: rng.below(2) == 0,
        lecture: rng.below(2) == 0,
        boundary_line: rng.below(2) == 0,
        params: None,
    };
    cfg.lr_decay = match cfg.lr_schedule {
        LrSchedule::Exponential => rng.range(0.0, 0.5),
        LrSchedule::Step => f64::from(1 + rng.below(1000)),
        LrSchedule::Constant => rng.range(0.0, 1000.0),
    };
    // The perceptron and logistic regression separate classes: a valid config has
    // classification.
    if matches!(
        cfg.model,
        Model::Perceptron | Model::Adaline | Model::Logistic
    ) {
        cfg.problem = Problem::Classification;
    }
    for _ in 0..pick(rng, 6) {
        cfg.hidden
            .set(HIDABLE_CONTROLS[pick(rng, HIDABLE_CONTROLS.len())], true);
    }
    if rng.below(2) == 0 {
        // Few points (the plain form) or many (the compact form); clamp_point puts them on the
        // link's 0.01 grid, which both forms keep exactly.
        let n = if rng.below(2) == 0 {
            pick(rng, 40)
        } else {
            pick(rng, 800)
        };
        let regression = cfg.problem == Problem::Regression;
        let pts = (0..n)
            .map(|_| {
                let label = if regression {
                    rng.range(-10.0, 10.0)
                } else {
                    f64::from(rng.below(6))
                };
                Point::new(rng.range(-6.0, 6.0), rng.range(-6.0, 6.0), label)
            })
            .map(|p| clamp_point(p, cfg.problem))
            .collect();
        cfg.points = Some(pts);
    }
    // Shared weights last: their count depends on the classes in the points.
    if rng.below(4) == 0 {
        cfg.params = Some((0..cfg.param_count()).map(|_| rng.normal() * 3.0).collect());
    }
    cfg
}

#[test]
fn parse_of_serialize_is_the_identity_for_random_experiments() {
    let mut rng = Pcg32::new(2026, 11);
    for _ in 0..500 {
        let cfg = random_config(&mut rng);
        assert_eq!(
            cfg.clone().clamped(),
            cfg,
            "a random config within the limits"
        );
        let (back, notes) = ExperimentConfig::from_hash(&cfg.to_hash());
        assert_eq!(back, cfg);
        assert!(notes.is_empty(), "{notes:?}");
        let short = cfg.to_short_hash();
        let (back, notes) = ExperimentConfig::from_hash(&short);
        assert_eq!(back, cfg, "the short form: {short}");
        assert!(notes.is_empty(), "{notes:?}");
        assert!(short.len() <= cfg.to_hash().len());
    }
}
