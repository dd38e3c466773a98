use super::*;

fn gen(kind: DatasetKind, noise: f64) -> Vec<Point> {
    kind.generate(400, noise, 3, &mut Pcg32::new(11, 1))
}

#[test]
fn every_set_stays_near_the_domain_and_is_deterministic() {
    for kind in DatasetKind::CLASSIFICATION
        .into_iter()
        .chain(DatasetKind::REGRESSION)
    {
        let a = gen(kind, 0.2);
        assert_eq!(a.len(), 400, "{kind:?}");
        assert_eq!(a, gen(kind, 0.2), "{kind:?} is not deterministic");
        let d = kind.domain();
        let (w, h) = d.spans();
        for p in &a {
            // Near the set's own domain: within half its size around it.
            assert!(
                (d.x1.0 - w / 2.0..=d.x1.1 + w / 2.0).contains(&p.x1)
                    && (d.x2.0 - h / 2.0..=d.x2.1 + h / 2.0).contains(&p.x2),
                "{kind:?} {p:?}"
            );
            assert!(p.label.is_finite());
        }
        assert_eq!(DatasetKind::from_name(kind.name()), Some(kind));
    }
}

#[test]
fn clean_sets_follow_their_rule() {
    for p in gen(DatasetKind::Xor, 0.0) {
        assert_eq!(p.label, f64::from(u8::from(p.x1 * p.x2 >= 0.0)));
        assert!(p.x1.abs() >= 0.3 && p.x2.abs() >= 0.3);
    }
    for p in gen(DatasetKind::Circle, 0.0) {
        assert_eq!(p.label == 1.0, p.x1.hypot(p.x2) < 2.5);
    }
    for p in gen(DatasetKind::Linear, 0.0) {
        assert_eq!(p.label == 1.0, 0.8 * p.x1 + p.x2 - 0.5 >= 0.0);
    }
    for p in gen(DatasetKind::RegPlane, 0.0) {
        assert!((p.label - (p.x1 + p.x2) / 10.0).abs() < 1e-12);
    }
}

#[test]
fn classes_are_balanced_and_blobs_have_every_class() {
    for kind in [DatasetKind::Circle, DatasetKind::Gauss, DatasetKind::Spiral] {
        let ones = gen(kind, 0.0).iter().filter(|p| p.label == 1.0).count();
        assert_eq!(ones, 200, "{kind:?}");
    }
    let blobs = DatasetKind::Blobs.generate(600, 0.0, 6, &mut Pcg32::new(1, 1));
    for c in 0..6 {
        assert_eq!(blobs.iter().filter(|p| p.label == c as f64).count(), 100);
    }
}

#[test]
fn noise_flips_some_labels() {
    let clean = gen(DatasetKind::Xor, 0.0);
    let noisy = gen(DatasetKind::Xor, 0.5);
    let wrong = noisy
        .iter()
        .filter(|p| p.label != f64::from(u8::from(p.x1 * p.x2 >= 0.0)))
        .count();
    assert!(wrong > 20, "{wrong}");
    assert!(clean
        .iter()
        .all(|p| p.label == f64::from(u8::from(p.x1 * p.x2 >= 0.0))));
}

#[test]
fn gaussian_bumps_by_hand() {
    assert_eq!(gaussian_bumps(-4.0, 2.5), 1.0);
    assert_eq!(gaussian_bumps(0.0, 2.5), -1.0);
    assert_eq!(gaussian_bumps(0.0, 0.0), 0.0);
    assert_eq!(gaussian_bumps(1.0, 2.5), -0.5);
}
