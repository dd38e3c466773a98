//! Points edited on a generated set, in links: the difference keys round trip, stay short
//! (a QR code a phone reads across a room), give the same points as the old explicit form,
//! and never panic on bad values.
use super::tests_random::random_config;
use super::*;
use crate::core::qr::{Ecc, QrCode};
use crate::core::rng::Pcg32;
use crate::core::trainer::{PointEdit, Trainer};

/// `cfg` after `edits`, made as the app makes them (from the trainer's points).
fn edited(cfg: &ExperimentConfig, edits: &[PointEdit]) -> ExperimentConfig {
    edits.iter().fold(cfg.clone(), |cfg, edit| {
        let points = cfg.points.clone().unwrap_or_else(|| cfg.generated_points());
        crate::core::trainer::edited_points(&cfg, &points, edit.clone())
    })
}

fn add(x1: f64, x2: f64, label: f64) -> PointEdit {
    PointEdit::Add(Point::new(x1, x2, label))
}

/// Removes the point nearest to the `i`-th generated point.
fn remove_generated(cfg: &ExperimentConfig, i: usize) -> PointEdit {
    let p = cfg.generated_points()[i];
    PointEdit::RemoveNearest { x1: p.x1, x2: p.x2 }
}

/// Five points drawn and three generated ones erased on the default XOR set.
fn typical_edit() -> ExperimentConfig {
    let base = ExperimentConfig::default();
    let mut edits = vec![
        add(-4.5, 4.5, 1.0),
        add(4.5, 4.5, 0.0),
        add(-1.23, 0.45, 1.0),
        add(3.0, -3.21, 1.0),
        add(-5.99, -5.99, 0.0),
    ];
    edits.extend([7, 123, 400].map(|i| remove_generated(&base, i)));
    edited(&base, &edits)
}

#[test]
fn one_drawn_point_is_written_as_a_difference_and_reads_back_the_same() {
    let base = ExperimentConfig::default();
    let cfg = edited(&base, &[add(1.5, 2.5, 1.0)]);
    assert_eq!(cfg.points.as_ref().map(Vec::len), Some(501));
    for hash in [cfg.to_hash(), cfg.to_short_hash()] {
        // One point: the plain form is shorter than the compact one with its count.
        assert!(hash.ends_with("pointsAdded=1.5,2.5,1"), "{hash}");
        assert!(!hash.contains("points="), "not every point: {hash}");
        assert!(!hash.contains("pointsRemoved"), "{hash}");
        let (back, notes) = ExperimentConfig::from_hash(&hash);
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(back, cfg);
    }
    assert!(cfg.to_short_hash().len() < 60, "{}", cfg.to_short_hash());
}

#[test]
fn five_drawn_and_three_erased_fit_a_qr_code_a_phone_reads_across_a_room() {
    let cfg = typical_edit();
    assert_eq!(cfg.points.as_ref().map(Vec::len), Some(502));
    let hash = cfg.to_short_hash();
    assert!(hash.contains("pointsRemoved=7,123,400"), "{hash}");
    let (back, notes) = ExperimentConfig::from_hash(&hash);
    assert!(notes.is_empty(), "{notes:?}");
    assert_eq!(back, cfg);
    // A long address in front, as a course page might have.
    let link = format!("https://teaching.example.edu/courses/ml-101/playground/#{hash}");
    let code = QrCode::encode(&link).unwrap();
    assert!(code.version <= 10, "{code:?} for {} characters", link.len());
    // The smallest version that holds it, at level M when that version holds it at M.
    assert_eq!(
        (code.version, code.ecc, link.len()),
        (6, Ecc::Low, 131),
        "{link}"
    );
}

#[test]
fn old_links_with_every_point_open_the_same_points() {
    let cfg = typical_edit();
    let points = cfg.points.clone().unwrap();
    // The form written before the difference keys: every point.
    let plain: Vec<String> = points
        .iter()
        .map(|p| format!("{},{},{}", p.x1, p.x2, p.label))
        .collect();
    let old = format!("output=auto&points={}", plain.join(";"));
    let (from_old, notes) = ExperimentConfig::from_hash(&old);
    assert!(notes.is_empty(), "{notes:?}");
    assert_eq!(from_old.points.as_ref(), Some(&points));
    let compact = format!(
        "output=auto&points={}",
        encode_compact_points(&points).unwrap()
    );
    assert_eq!(ExperimentConfig::from_hash(&compact).0.points, Some(points));
    // And the new link of it is the short one.
    assert!(from_old.to_hash().contains("pointsAdded="));
}

#[test]
fn the_difference_gives_the_same_points_as_the_trainer_for_every_model_and_set() {
    let mut rng = Pcg32::new(16, 16);
    for _ in 0..150 {
        let base = random_config(&mut rng);
        let base = ExperimentConfig {
            points: None,
            params: None,
            ..base
        };
        let n = base.generated_points().len();
        let domain = base.domain();
        let mut edits = Vec::new();
        for _ in 0..1 + rng.below(6) {
            let (x1, x2) = (
                rng.range(domain.x1.0, domain.x1.1),
                rng.range(domain.x2.0, domain.x2.1),
            );
            edits.push(if rng.below(2) == 0 || n == 0 {
                add(x1, x2, f64::from(rng.below(3)))
            } else {
                remove_generated(&base, rng.below(n as u32) as usize)
            });
        }
        let cfg = edited(&base, &edits);
        for hash in [cfg.to_hash(), cfg.to_short_hash()] {
            let (back, notes) = ExperimentConfig::from_hash(&hash);
            assert!(notes.is_empty(), "{notes:?} for {hash:.300}");
            assert_eq!(back, cfg, "{hash:.300}");
            assert_eq!(Trainer::new(back).config().points, cfg.points);
        }
        let edited_len = cfg.to_hash().len();
        let all = format!("points={}", points_value_of(&cfg)).len();
        assert!(edited_len < base.to_hash().len() + all, "never longer");
    }
}

fn points_value_of(cfg: &ExperimentConfig) -> String {
    encode_compact_points(cfg.points.as_deref().unwrap_or_default()).unwrap_or_default()
}

#[test]
fn an_edit_that_changes_nothing_still_marks_the_points_as_yours() {
    let base = ExperimentConfig::default();
    let cfg = ExperimentConfig {
        points: Some(base.generated_on_grid()),
        ..base.clone()
    };
    let hash = cfg.to_hash();
    assert!(hash.ends_with("pointsAdded="), "{hash}");
    assert_eq!(ExperimentConfig::from_hash(&hash), (cfg, vec![]));
    // Every point erased: `points=` is the shorter way to say it.
    let cleared = edited(&base, &[PointEdit::Clear]);
    assert!(cleared.to_hash().ends_with("&points="));
    // A new seed makes another set: the points are written out, not as a difference.
    let reseeded = ExperimentConfig {
        seed: 2,
        ..edited(&base, &[add(1.0, 1.0, 1.0)])
    };
    let hash = reseeded.to_hash();
    assert!(
        hash.contains("points=~") && !hash.contains("pointsAdded"),
        "{hash:.200}"
    );
    assert_eq!(ExperimentConfig::from_hash(&hash).0, reseeded);
}

#[test]
fn removed_indexes_are_read_as_ranges_and_bad_ones_are_skipped_with_a_note() {
    let mut notes = Vec::new();
    assert_eq!(
        read_indexes("5, 1,3-4,,9", 10, &mut notes),
        vec![1, 3, 4, 5, 9]
    );
    assert!(notes.is_empty(), "{notes:?}");
    assert_eq!(format_indexes(&[1, 3, 4, 5, 9]), "1,3-5,9");
    assert_eq!(format_indexes(&[]), "");
    for bad in ["x", "-1", "5-3", "1-2-3", "1e3", "0x10", "%", "~"] {
        let mut notes = Vec::new();
        assert_eq!(
            read_indexes(bad, 10, &mut notes),
            Vec::<usize>::new(),
            "{bad}"
        );
        assert_eq!(notes.len(), 1, "{bad}: {notes:?}");
    }
    // Huge ranges cost no more than the points there are.
    let mut notes = Vec::new();
    let all = read_indexes(
        "0-99999999999999999999,3-18446744073709551615",
        4,
        &mut notes,
    );
    assert_eq!(all, vec![3], "a number too big to read is skipped");
    assert_eq!(notes.len(), 2, "{notes:?}");
    let mut notes = Vec::new();
    assert_eq!(
        read_indexes("2-18446744073709551615", 4, &mut notes),
        vec![2, 3]
    );
    assert_eq!(notes.len(), 1, "past the end: {notes:?}");
    let many = "x,".repeat(100);
    let mut notes = Vec::new();
    read_indexes(&many, 4, &mut notes);
    assert_eq!(notes.len(), 4, "three notes and a count: {notes:?}");
}

#[test]
fn bad_difference_values_fall_back_with_a_note_and_never_panic() {
    let n = ExperimentConfig::default().generated_points().len();
    for (hash, points) in [
        ("output=auto&pointsRemoved=0-9999", 0),
        ("output=auto&pointsRemoved=oops", n),
        ("output=auto&pointsAdded=~AQ%%", n),
        ("output=auto&pointsAdded=1,1", n),
        ("output=auto&pointsAdded=1,1,1;2,2,0&pointsRemoved=0", n + 1),
        (
            "output=auto&points=1,1,1&pointsRemoved=0&pointsAdded=2,2,0",
            1,
        ),
    ] {
        let (cfg, notes) = ExperimentConfig::from_hash(hash);
        assert_eq!(cfg.points.as_ref().map(Vec::len), Some(points), "{hash}");
        let expect_notes = !hash.ends_with("=0") && !hash.ends_with("2,2,0");
        assert_eq!(!notes.is_empty(), expect_notes, "{hash}: {notes:?}");
        assert_eq!(ExperimentConfig::from_hash(&cfg.to_hash()).0, cfg);
    }
}

#[test]
fn a_difference_key_makes_a_link_ours_not_the_playgrounds() {
    assert!(!is_tf_link(["dataset", "pointsAdded"]));
    assert!(!is_tf_link(["seed", "pointsRemoved"]));
    // A Playground link's keys keep their meaning beside it: its seed and data set.
    let (cfg, notes) = ExperimentConfig::from_hash("dataset=circle&seed=3&pointsAdded=1,1,1");
    assert!(notes.is_empty(), "{notes:?}");
    let circle = ExperimentConfig {
        dataset: crate::core::dataset::DatasetKind::Circle,
        seed: 3,
        ..ExperimentConfig::default()
    };
    let mut want = circle.generated_on_grid();
    want.push(Point::new(1.0, 1.0, 1.0));
    assert_eq!(cfg.points, Some(want));
}
