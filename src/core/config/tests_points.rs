//! The points in a link: the compact form, its size, and the plain form beside it.
use super::*;
use crate::core::fuzz::random_points;
use crate::core::rng::Pcg32;

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
    // A header only (a form without a count): no points, and a note that says so.
    let (cfg, notes) = ExperimentConfig::from_hash("points=~AQ");
    assert_eq!(cfg.points, Some(vec![]));
    assert_eq!(
        notes,
        ["points: the compact form holds no points (was the link cut short?); none were added."]
    );
    // The counted form's header cut inside its count.
    let (cfg, notes) = ExperimentConfig::from_hash("points=~Aw");
    assert_eq!(cfg.points, None);
    assert!(
        notes[0].contains("ends before its number of points"),
        "{notes:?}"
    );
}

#[test]
fn a_compact_form_cut_on_a_point_boundary_is_noticed_by_its_count() {
    let mut rng = Pcg32::new(9, 9);
    for problem in [Problem::Classification, Problem::Regression] {
        let points = random_points(&mut rng, 40, problem);
        let compact = encode_compact_points(&points).unwrap();
        let per_point = match problem {
            Problem::Classification => 25,
            Problem::Regression => 33,
        };
        // Every cut that leaves k whole points and at most a byte's padding after them: the
        // form without a count would read k points and have nothing to say.
        for k in [0_usize, 1, 7, 24, 39] {
            let bits = 8 + 16 + k * per_point;
            let chars = (bits.div_ceil(8) * 8).div_ceil(6);
            let cut = &compact[..1 + chars];
            let (cfg, notes) =
                ExperimentConfig::from_hash(&format!("problem={}&points={cut}", problem.name()));
            let n = cfg.points.as_ref().map_or(0, Vec::len);
            assert_eq!(n, k, "{problem:?}, {k} points");
            assert_eq!(cfg.points.as_deref(), Some(&points[..k]));
            assert_eq!(
                notes,
                [format!("points: the link says it holds 40 points but ends after {k} (was it cut short?); kept the {}.", crate::core::text::plural(k, "whole point"))],
                "{problem:?}, {k} points"
            );
        }
        let (back, notes) =
            ExperimentConfig::from_hash(&format!("problem={}&points={compact}", problem.name()));
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(back.points, Some(points));
    }
    // Bits after the count's last point are said, not read as points.
    let two = [Point::new(1.0, 1.0, 0.0), Point::new(2.0, 2.0, 1.0)];
    let compact = encode_compact_points(&two).unwrap();
    let (cfg, notes) = ExperimentConfig::from_hash(&format!("points={compact}AAAAAAAA"));
    assert_eq!(cfg.points.as_deref(), Some(&two[..]));
    assert_eq!(
        notes,
        ["points: the compact form goes on after its 2 points; ignored the rest."]
    );
}

#[test]
fn links_written_before_the_count_still_read() {
    // Format 1 (no count, as links were written before it): two points.
    let old = "~AU0jTAsCrEA";
    let (cfg, notes) = ExperimentConfig::from_hash(&format!("points={old}"));
    assert!(notes.is_empty(), "{notes:?}");
    assert_eq!(cfg.points.map(|p| p.len()), Some(2));
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

#[test]
fn drawn_points_are_split_per_class_at_the_sliders_share() {
    // A student drew 10, 16 and 12 points at 50 % and saw 9, 10 and 8 of them as test points.
    for n in [10, 16, 12] {
        for seed in 0..20 {
            let points = (0..n)
                .map(|i| Point::new(i as f64 * 0.5 - 4.0, 1.0, f64::from(i % 2)))
                .collect();
            let cfg = ExperimentConfig {
                seed,
                perc_train: 50,
                points: Some(points),
                ..ExperimentConfig::default()
            };
            assert_eq!(cfg.own_test_points(), Some((n as usize / 2, n as usize)));
            let mask = crate::core::trainer::Trainer::new(cfg.clone())
                .snapshot()
                .test_mask;
            assert_eq!(mask, cfg.test_mask(cfg.points.as_deref().unwrap_or(&[])));
            let class0 = mask.iter().step_by(2).filter(|&&t| t).count();
            let share = f64::from(n) / 4.0; // half of class 0's n / 2 points
            assert!((class0 as f64 - share).abs() < 1.0, "{class0} for {share}");
        }
    }
}

#[test]
fn a_generated_set_keeps_its_split_point_by_point() {
    let cfg = ExperimentConfig::default();
    let points = cfg.generated_points();
    let mask = cfg.test_mask(&points);
    assert!((0..points.len())
        .all(|i| mask[i] == crate::core::dataset::is_test_point(cfg.seed, i, cfg.perc_train)));
}

#[test]
fn numbers_in_a_link_are_written_as_display_writes_them() {
    let mut values: Vec<f64> = (-130_000..=130_000).map(|k| f64::from(k) / 100.0).collect();
    values.extend((-2000..=2000).map(|k| f64::from(k) * 0.37 - 3.1));
    values.extend([
        0.0,
        -0.0,
        1e-7,
        0.1 + 0.2,
        1e9,
        -1e12,
        123_456_789.99,
        5e-324,
        f64::MAX,
    ]);
    values.extend([0.005, 0.015, -0.125, 2.675, 1.0 / 3.0]);
    for v in values {
        let mut s = String::new();
        super::points::write_number(&mut s, v);
        assert_eq!(s, format!("{v}"), "{v:?}");
    }
}

#[test]
fn points_kept_aside_read_back_as_they_were() {
    use crate::core::config::{points_from_value, points_value};
    let p = |x1, x2, label| Point { x1, x2, label };
    // Classes on the grid (the compact form), and regression values off it (the plain form).
    for points in [
        vec![p(1.0, 1.0, 0.0), p(-2.5, 3.25, 1.0), p(6.0, -6.0, 5.0)],
        vec![p(0.123, -4.5, 0.37), p(2.0, 2.0, -1.5)],
    ] {
        let text = points_value(&points);
        assert_eq!(points_from_value(&text), Some(points), "{text}");
    }
    assert_eq!(points_from_value("~damaged!"), None);
}
