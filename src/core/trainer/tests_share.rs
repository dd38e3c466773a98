//! Sharing a trained network through a link, and its model as JSON.
use super::*;

fn bits(params: &[f64]) -> Vec<u64> {
    params.iter().map(|p| p.to_bits()).collect()
}

fn trained(link: &str, epochs: u32) -> Trainer {
    let (cfg, notes) = ExperimentConfig::from_hash(link);
    assert!(notes.is_empty(), "{notes:?}");
    let mut t = Trainer::new(cfg);
    t.step(epochs);
    t
}

#[test]
fn a_shared_link_starts_from_the_trained_weights_to_the_bit() {
    let t = trained(
        "output=auto&dataset=circle&networkShape=5,3&seed=9&restart=4",
        40,
    );
    let link = t.share_hash();
    assert!(link.contains("params=") && link.contains("restart=0"));
    let (cfg, notes) = ExperimentConfig::from_hash(&link);
    assert!(notes.is_empty(), "{notes:?}");
    let mut copy = Trainer::new(cfg);
    assert_eq!(bits(&copy.net().params), bits(&t.net().params));
    assert_eq!(copy.metrics().train_loss, t.metrics().train_loss);
    // Reset goes back to the shared weights, not to the seed's.
    copy.step(5);
    copy.reset();
    assert_eq!(bits(&copy.net().params), bits(&t.net().params));
    // The plain link keeps the seed's start.
    let fresh = Trainer::new(ExperimentConfig::from_hash(&t.config().to_hash()).0);
    assert_ne!(bits(&fresh.net().params), bits(&t.net().params));
}

#[test]
fn shared_weights_that_do_not_fit_are_ignored_with_a_note() {
    let t = trained("output=auto&dataset=xor&networkShape=4&seed=2", 10);
    let link = t.share_hash().replace("networkShape=4", "networkShape=3");
    let (cfg, notes) = ExperimentConfig::from_hash(&link);
    assert_eq!(cfg.params, None);
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(
        notes[0].contains("for a network that needs 13"),
        "{notes:?}"
    );
    let seeded = Trainer::new(
        ExperimentConfig::from_hash("output=auto&dataset=xor&networkShape=3&seed=2").0,
    );
    assert_eq!(
        bits(&Trainer::new(cfg).net().params),
        bits(&seeded.net().params)
    );
    // A config built in code: the trainer drops what does not fit.
    let odd = ExperimentConfig {
        params: Some(vec![0.5; 3]),
        ..ExperimentConfig::default()
    };
    assert_eq!(Trainer::new(odd).config().params, None);
    // Damaged weights: a note, and the seed's start.
    let (cfg, notes) = ExperimentConfig::from_hash("output=auto&params=AAAA");
    assert_eq!((cfg.params, notes.len()), (None, 1));
}

#[test]
fn other_restarts_keep_their_own_start() {
    let t = trained("output=auto&dataset=xor&networkShape=4&seed=2", 10);
    let (mut cfg, _) = ExperimentConfig::from_hash(&t.share_hash());
    cfg.restart = 3;
    let third = Trainer::new(cfg.clone());
    assert_ne!(bits(&third.net().params), bits(&t.net().params));
    let restarts = third.random_restarts(3, 1);
    assert_eq!(restarts.len(), 3);
    cfg.restart = 0;
    assert_eq!(bits(&Trainer::new(cfg).net().params), bits(&t.net().params));
}

#[test]
fn the_short_link_with_weights_opens_the_same_network_and_points() {
    let mut t = trained("output=auto&dataset=xor&seed=5&restart=2", 10);
    let edited = t.edited(PointEdit::Add(Point::new(1.5, 2.5, 1.0)));
    t.apply(edited);
    let short = t.share_short_hash();
    assert!(short.len() < t.share_hash().len(), "{short}");
    assert!(
        short.contains("params=") && short.contains("pointsAdded="),
        "{short}"
    );
    let (cfg, notes) = ExperimentConfig::from_hash(&short);
    assert!(notes.is_empty(), "{notes:?}");
    assert_eq!(cfg.points, t.config().points);
    let copy = Trainer::new(cfg);
    assert_eq!(bits(&copy.net().params), bits(&t.net().params));
}

/// Issue 17: the notes' BCE + reg·R(W). With w = (10, 10) and L2 at rate 1 the penalty is
/// 1·(10² + 10²) = 200 (L1: 1·(10 + 10) = 20), beside the data loss, which it does not change;
/// without regularization there is none. A change of the rate shows at once, while paused.
#[test]
fn the_penalty_is_measured_beside_the_data_loss() {
    let with = |reg: &str| {
        let base = format!(
            "model=logistic&networkShape=&dataset=gauss&regularization={reg}&regularizationRate=1"
        );
        let (cfg, notes) = ExperimentConfig::from_hash(&base);
        assert!(notes.is_empty(), "{notes:?}");
        let (cfg, notes) =
            ExperimentConfig::from_hash(&cfg.to_hash_with_params(&[10.0, 10.0, 0.0]));
        assert!(notes.is_empty(), "{notes:?}");
        Trainer::new(cfg)
    };
    let (l2, l1, none) = (with("L2"), with("L1"), with("none"));
    assert_eq!(l2.metrics().penalty, Some(200.0));
    assert_eq!(l1.metrics().penalty, Some(20.0));
    assert_eq!(none.metrics().penalty, None);
    assert_eq!(l2.metrics().train_loss, none.metrics().train_loss);
    let mut t = l2;
    let mut cfg = t.config().clone();
    cfg.regularization_rate = 0.5;
    t.apply(cfg.clone());
    assert_eq!(t.metrics().penalty, Some(100.0));
    cfg.regularization_rate = 0.0;
    t.apply(cfg);
    assert_eq!(t.metrics().penalty, None, "rate 0: no penalty");
}

/// The link's config with every shared weight ±`w` (alternating signs).
fn with_weights(link: &str, w: f64) -> ExperimentConfig {
    let (mut cfg, notes) = ExperimentConfig::from_hash(link);
    assert!(notes.is_empty(), "{notes:?}");
    let n = Trainer::new(cfg.clone()).net().params.len();
    cfg.params = Some((0..n).map(|i| if i % 2 == 0 { w } else { -w }).collect());
    cfg
}

#[test]
fn large_shared_weights_that_diverge_are_blamed_and_the_seed_trains() {
    use crate::core::status::{Facts, Status, LARGE_SHARED_WEIGHT};
    let link = "output=auto&activation=linear";
    for w in [LARGE_SHARED_WEIGHT, 1e5] {
        let mut t = Trainer::new(with_weights(link, w));
        assert_eq!(t.shared_start(), Some(w));
        t.step(1);
        assert!(t.diverged(), "±{w} diverges in the first epoch");
        let facts = Facts::of(&t.snapshot());
        assert!(facts.weights_to_blame(), "{facts:?}");
        let said = Status::why_stopped(&facts, 0).expect("a reason");
        assert!(said
            .text
            .starts_with("The loaded weights are too large to train"));
        assert!(!said.text.contains("learning rate"), "{}", said.text);
    }
    // The same network and learning rate from the seed's weights trains.
    let mut seed = Trainer::new(ExperimentConfig::from_hash(link).0);
    assert_eq!(seed.shared_start(), None);
    seed.step(50);
    assert!(!seed.diverged());
    assert!(seed.metrics().train_loss.is_some_and(f64::is_finite));
    // Another restart does not start from the shared weights: nothing to blame.
    let mut other = with_weights(link, 1e5);
    other.restart = 1;
    assert_eq!(Trainer::new(other).shared_start(), None);
}

/// Issue 17: L1 leaves the weights the data hardly needs at exactly 0 (the notes' sparsity),
/// and keeps them there; L2 at the same rate only shrinks them. The lesson's setup.
#[test]
fn l1_leaves_weights_at_exactly_zero_and_l2_does_not() {
    let run = |reg: &str| {
        let link = format!(
            "dataset=circle&noise=30&samples=120&networkShape=8,8,8&learningRate=0.03&regularization={reg}&regularizationRate=0.01"
        );
        let (cfg, notes) = ExperimentConfig::from_hash(&link);
        assert!(notes.is_empty(), "{notes:?}");
        let mut t = Trainer::new(cfg);
        t.step(300);
        let at_300 = t.net().zero_weights();
        t.step(10);
        (at_300, t.net().zero_weights())
    };
    let ((l1, all), (l1_later, _)) = run("L1");
    let ((l2, _), _) = run("L2");
    assert!(l1 >= 20, "L1: {l1} of {all} weights at 0");
    assert!(
        l1_later >= l1 * 9 / 10,
        "they stay at 0: {l1} then {l1_later}"
    );
    assert_eq!(l2, 0, "L2 only shrinks weights");
}
