//! The points in a link: the compact form, its size, and the plain form beside it.
use super::*;
use crate::core::rng::Pcg32;

fn random_points(rng: &mut Pcg32, n: usize, problem: Problem) -> Vec<Point> {
    (0..n)
        .map(|_| {
            let label = match problem {
                Problem::Classification => f64::from(rng.below(6)),
                Problem::Regression => rng.range(-10.0, 10.0),
            };
            clamp_point(
                Point::new(rng.range(-6.0, 6.0), rng.range(-6.0, 6.0), label),
                problem,
            )
        })
        .collect()
}

#[test]
fn five_hundred_points_fit_in_a_short_link_and_come_back_exactly() {
    let mut rng = Pcg32::new(7, 7);
    for problem in [Problem::Classification, Problem::Regression] {
        let cfg = ExperimentConfig {
            problem,
            points: Some(random_points(&mut rng, 500, problem)),
            ..ExperimentConfig::default()
        };
        let hash = cfg.to_hash();
        assert!(hash.len() < 4000, "{problem:?}: {} characters", hash.len());
        assert!(hash.contains("points=~"), "the compact form is used");
        let (back, notes) = ExperimentConfig::from_hash(&hash);
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(back, cfg);
    }
}

#[test]
fn the_compact_form_keeps_the_grid_and_the_edges() {
    let points = vec![
        Point::new(-6.0, 6.0, 5.0),
        Point::new(0.01, -0.01, 0.0),
        Point::new(5.99, -5.99, 3.0),
        Point::new(0.0, 0.0, 1.0),
    ];
    let compact = encode_compact_points(&points).expect("on the grid");
    let (back, moved) = decode_compact_points(&compact[1..]).unwrap();
    assert_eq!((back, moved), (points, 0));
    let values = vec![
        Point::new(1.5, -2.25, -10.0),
        Point::new(0.0, 0.0, 10.0),
        Point::new(3.0, 3.0, -0.37),
    ];
    let compact = encode_compact_points(&values).expect("on the grid");
    assert_eq!(decode_compact_points(&compact[1..]).unwrap(), (values, 0));
    // Off the grid, out of the plot, or a label out of range: no compact form.
    assert_eq!(encode_compact_points(&[Point::new(0.005, 0.0, 1.0)]), None);
    assert_eq!(encode_compact_points(&[Point::new(6.01, 0.0, 1.0)]), None);
    assert_eq!(encode_compact_points(&[Point::new(0.0, 0.0, 10.5)]), None);
    assert_eq!(POINT_RESOLUTION, 0.01);
}

#[test]
fn the_shorter_form_is_written() {
    let one = ExperimentConfig {
        points: Some(vec![Point::new(1.0, 2.0, 0.0)]),
        ..ExperimentConfig::default()
    };
    assert!(one.to_hash().ends_with("points=1,2,0"));
    let two = ExperimentConfig {
        points: Some(vec![Point::new(1.0, 2.0, 0.0), Point::new(-3.5, 4.25, 1.0)]),
        ..ExperimentConfig::default()
    };
    let hash = two.to_hash();
    let value = hash.rsplit("points=").next().unwrap();
    assert!(value.starts_with('~') && value.len() < "1,2,0;-3.5,4.25,1".len());
    assert_eq!(ExperimentConfig::from_hash(&hash).0, two);
}

#[test]
fn a_damaged_compact_form_is_reported_and_out_of_range_values_are_moved() {
    let (cfg, notes) = ExperimentConfig::from_hash("points=~AQ$$");
    assert_eq!(cfg.points, None);
    assert!(notes[0].contains("damaged"), "{notes:?}");
    let (_, notes) = ExperimentConfig::from_hash("points=~CQAA");
    assert!(notes[0].contains("unknown format 9"), "{notes:?}");
    // Format 1, then x₁ = 2047 (far right of 1200), x₂ = 600 (0), class 7 (above 5).
    let (cfg, notes) = ExperimentConfig::from_hash("points=~Af_pY4A");
    assert_eq!(cfg.points, Some(vec![Point::new(6.0, 0.0, 5.0)]));
    assert_eq!(notes.len(), 1, "{notes:?}");
    // A header only: no points.
    let (cfg, notes) = ExperimentConfig::from_hash("points=~AQ");
    assert_eq!((cfg.points, notes.len()), (Some(vec![]), 0));
}

#[test]
fn too_many_compact_points_are_cut_with_a_note() {
    let mut rng = Pcg32::new(8, 8);
    let points = random_points(&mut rng, limits::MAX_POINTS + 10, Problem::Classification);
    let compact = encode_compact_points(&points).unwrap();
    let (cfg, notes) = ExperimentConfig::from_hash(&format!("points={compact}"));
    assert_eq!(cfg.points.map(|p| p.len()), Some(limits::MAX_POINTS));
    assert_eq!(notes.len(), 1, "{notes:?}");
}
