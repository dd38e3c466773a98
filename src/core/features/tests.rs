use super::*;

#[test]
fn features_by_hand() {
    let set = FeatureSet::from_flags(Feature::ALL.map(|f| (f, true)));
    let mut out = [0.0; 9];
    set.write(2.0, -3.0, &mut out);
    assert_eq!(&out[..5], &[2.0, -3.0, 4.0, 9.0, -6.0]);
    assert_eq!(out[5], 2f64.sin());
    assert_eq!(out[8], (-3f64).cos());
    assert_eq!(set.len(), 9);
}

#[test]
fn empty_set_means_x1_x2_and_order_is_fixed() {
    let set = FeatureSet::from_flags([(Feature::X1, false)]);
    assert_eq!(set, FeatureSet::default());
    let set = FeatureSet::from_flags([(Feature::X1TimesX2, true), (Feature::X2, true)]);
    assert_eq!(
        set.enabled().collect::<Vec<_>>(),
        [Feature::X2, Feature::X1TimesX2]
    );
    let mut out = [0.0; 2];
    set.write(2.0, 5.0, &mut out);
    assert_eq!(out, [5.0, 10.0]);
}

#[test]
fn curve_mode_keeps_the_features_of_x1_alone() {
    let all = FeatureSet::from_flags(Feature::ALL.map(|f| (f, true)));
    assert_eq!(
        all.of_x1().enabled().collect::<Vec<_>>(),
        [
            Feature::X1,
            Feature::X1Squared,
            Feature::SinX1,
            Feature::CosX1
        ]
    );
    let only_y = FeatureSet::from_flags([(Feature::X2, true), (Feature::SinX2, true)]);
    assert_eq!(
        only_y.of_x1().enabled().collect::<Vec<_>>(),
        [Feature::X1],
        "never empty"
    );
    let sin = FeatureSet::from_flags([(Feature::SinX1, true), (Feature::X2, true)]);
    assert_eq!(sin.of_x1().enabled().collect::<Vec<_>>(), [Feature::SinX1]);
    assert_eq!(FeatureSet::default().of_x1().len(), 1);
}

#[test]
fn standardizer_gives_zero_mean_unit_variance() {
    let rows = [1.0, 10.0, 3.0, 10.0, 5.0, 10.0];
    let s = Standardizer::fit(&rows, 2);
    let mut out: Vec<f64> = rows.to_vec();
    for row in out.chunks_exact_mut(2) {
        s.apply(row);
    }
    let col0: Vec<f64> = out.iter().step_by(2).copied().collect();
    assert!((col0.iter().sum::<f64>()).abs() < 1e-12);
    assert!((col0.iter().map(|v| v * v).sum::<f64>() / 3.0 - 1.0).abs() < 1e-12);
    assert_eq!(out[1], 0.0); // constant column: shifted, not scaled
    let mut v = [4.0, 7.0];
    Standardizer::identity(2).apply(&mut v);
    assert_eq!(v, [4.0, 7.0]);
}
