//! A data set in its own units: the admissions data (the notes' 0–10 and the score out of
//! 100), their domains, and standardization.
use super::*;
use crate::core::dataset::{ADMISSIONS100_DOMAIN, ADMISSIONS_DOMAIN};
use crate::core::snapshot::{Grid, ModelView};

/// Logistic regression on the score-out-of-100 set.
fn admissions(extra: &str) -> Trainer {
    let hash = format!("model=logistic&dataset=admissions100&learningRate=0.01&{extra}");
    Trainer::new(ExperimentConfig::from_hash(&hash).0)
}

/// The notes' weights on the notes' data: `weights=2,1,-18` misclassifies nobody at no noise,
/// and at 20 % noise exactly the students whose label the noise flipped across the line.
#[test]
fn the_notes_line_classifies_the_notes_admissions() {
    let misclassified = |noise: u32| {
        let hash = format!("model=perceptron&dataset=admissions&weights=2,1,-18&noise={noise}");
        let (cfg, notes) = ExperimentConfig::from_hash(&hash);
        assert!(notes.is_empty(), "{notes:?}");
        let t = Trainer::new(cfg);
        let snap = t.snapshot();
        // The plot shows the data's 0–10 with a margin, so 0 and 10 are labelled.
        assert_eq!(snap.domain, ADMISSIONS_DOMAIN.with_margin());
        assert_eq!(snap.domain.x1, (-1.25, 11.25));
        let flipped = t
            .points()
            .iter()
            .filter(|p| (2.0 * p.x1 + p.x2 - 18.0 >= 0.0) != (p.label == 1.0))
            .count();
        match &snap.model {
            ModelView::Perceptron(view) => (view.misclassified.len(), flipped),
            _ => panic!("not the perceptron"),
        }
    };
    assert_eq!(misclassified(0), (0, 0));
    let (wrong, flipped) = misclassified(20);
    assert!(
        wrong > 0 && wrong == flipped,
        "{wrong} wrong, {flipped} flipped"
    );
}

#[test]
fn the_grid_covers_the_raw_units() {
    let t = admissions("standardize=true");
    let snap = t.snapshot();
    assert_eq!(snap.domain, ADMISSIONS100_DOMAIN.with_margin());
    let mut t = t;
    t.step(100);
    let snap = t.snapshot();
    let mut grid = Grid::default();
    snap.evaluate_grid(&mut snap.net.clone(), 10, false, &mut grid);
    // Top right (a high score and high grades) is admitted, bottom left is not.
    assert!(grid.outputs[9] > 0.9, "{}", grid.outputs[9]);
    assert!(grid.outputs[90] < 0.1, "{}", grid.outputs[90]);
}

#[test]
fn points_are_kept_in_raw_units_and_round_trip() {
    let t = admissions("");
    let cfg = t.edited(PointEdit::Add(Point::new(72.345, 8.5, 1.0)));
    let added = *cfg.points.as_ref().unwrap().last().unwrap();
    assert_eq!(added, Point::new(72.35, 8.5, 1.0));
    let (back, notes) = ExperimentConfig::from_hash(&cfg.to_hash());
    assert!(notes.is_empty(), "{notes:?}");
    assert_eq!(back.points, cfg.points);
    let far = t.edited(PointEdit::Add(Point::new(500.0, -3.0, 0.0)));
    assert_eq!(
        far.points.unwrap().last().unwrap().x1,
        100.0,
        "clamped to the domain"
    );
    // The eraser reaches as far on screen across as up: 5 score points is 0.6 on the square.
    let two = admissions("points=20,2,0;80,9,1");
    for (x1, x2, left) in [(85.0, 9.0, 1), (80.0, 9.5, 1), (90.0, 9.0, 2)] {
        let erased = two.edited(PointEdit::RemoveNearest { x1, x2 });
        assert_eq!(
            erased.points.unwrap().len(),
            left,
            "erasing at ({x1}, {x2})"
        );
    }
}

#[test]
fn standardizing_trains_far_better_at_the_same_rate() {
    let mut raw = admissions("standardize=false");
    let mut std = admissions("standardize=true");
    raw.step(100);
    std.step(100);
    let (r, s) = (
        raw.metrics().train_loss.unwrap(),
        std.metrics().train_loss.unwrap(),
    );
    assert!(s < 0.2 && s < r / 2.0, "standardized {s}, raw {r}");
}

/// Issue 16: the logic gates' four corners fill the plot; the network still sees data units.
#[test]
fn small_data_zooms_the_view_not_the_inputs() {
    let gates = "model=perceptron&weights=1,1,-1.5&points=0,0,0;0,1,0;1,0,0;1,1,1";
    let t = Trainer::new(ExperimentConfig::from_hash(gates).0);
    let snap = t.snapshot();
    let unit = crate::core::domain::Domain {
        x1: (-0.25, 1.25),
        x2: (-0.25, 1.25),
    };
    assert_eq!(snap.domain, unit);
    assert_eq!(t.config().domain(), crate::core::domain::Domain::SQUARE);
    // The MLP on the same corners: the heatmap's grid is evaluated in data units.
    let mlp = "dataset=xor&points=0,0,0;0,1,1;1,0,1;1,1,0";
    let t = Trainer::new(ExperimentConfig::from_hash(mlp).0);
    let snap = t.snapshot();
    assert_eq!(snap.domain, unit);
    let mut grid = Grid::default();
    snap.evaluate_grid(&mut snap.net.clone(), 4, false, &mut grid);
    let want = t.predict(unit.column_x1(0, 4), unit.row_x2(0, 4));
    assert!((grid.outputs[0] - want[0]).abs() < 1e-5);
    // Line mode's (x, y) plot stays [−6, 6]².
    let line = "model=line&points=0,0,0;0,1,0;1,0,0;1,1,0";
    let snap = Trainer::new(ExperimentConfig::from_hash(line).0).snapshot();
    assert_eq!(snap.domain, crate::core::domain::Domain::SQUARE);
}
