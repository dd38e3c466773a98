use super::*;

fn d(text: &str) -> Decimal {
    Decimal::parse(text).expect("decimal")
}

#[test]
fn the_notes_negative_area_example() {
    // Line 3x₁ + 4x₂ − 10 = 0, point (4, 5) of class 0, learning rate 0.1.
    let mut p = Perceptron::new(3.0, 4.0, -10.0, 0.1);
    let step = p
        .trick(0, &Point::new(4.0, 5.0, 0.0))
        .expect("misclassified");
    assert!(!step.added);
    let rows = step.rows();
    assert_eq!(rows[0].1, ["3", "4", "-10"]);
    assert_eq!(rows[1], ("-", ["0.4".into(), "0.5".into(), "0.1".into()]));
    assert_eq!(rows[2].1, ["2.6", "3.5", "-10.1"]);
    assert_eq!(p.w, [d("2.6"), d("3.5")]);
    assert_eq!(p.b, d("-10.1"));
}

#[test]
fn the_notes_positive_area_example() {
    let mut p = Perceptron::new(3.0, 4.0, -10.0, 0.1);
    let step = p
        .trick(0, &Point::new(1.0, 1.0, 1.0))
        .expect("misclassified");
    assert!(step.added);
    assert_eq!(step.rows()[2].1, ["3.1", "4.1", "-9.9"]);
}

#[test]
fn the_notes_ten_steps_question() {
    // "How many times would you have to apply the perceptron trick…?" The notes: 10.
    let mut p = Perceptron::new(3.0, 4.0, -10.0, 0.1);
    let blue = Point::new(1.0, 1.0, 1.0);
    let mut steps = 0;
    while p.trick(0, &blue).is_some() {
        steps += 1;
        assert!(steps < 100);
    }
    assert_eq!(steps, 10);
    assert_eq!(
        p.score(d("1"), d("1")),
        d("0"),
        "exactly on the line, which counts as class 1"
    );
}

#[test]
fn the_table_aligns_like_the_notes() {
    let mut p = Perceptron::new(3.0, 4.0, -10.0, 0.1);
    let step = p.trick(0, &Point::new(4.0, 5.0, 0.0)).unwrap();
    assert_eq!(
        step.table(),
        [
            "   3     4    -10",
            "-  0.4   0.5   0.1",
            "=  2.6   3.5  -10.1"
        ]
    );
}

#[test]
fn decimals_are_exact_where_floats_are_not() {
    assert_eq!(d("0.1") + d("0.2"), d("0.3"));
    assert_ne!(0.1 + 0.2, 0.3);
    assert_eq!(d("0.1") * d("4"), d("0.4"));
    assert_eq!((d("-10") - d("0.1")).show(), "-10.1");
    assert_eq!(Decimal::from_f64(2.625).show(), "2.63");
    assert_eq!(Decimal::from_f64(-2.625).show(), "-2.63");
    assert_eq!(Decimal::from_f64(-0.001).show(), "0");
    assert_eq!(d("1e3"), d("1000"));
    assert_eq!(d("−2.5"), Decimal::from_f64(-2.5));
    assert_eq!(Decimal::parse("abc"), None);
    assert_eq!(Decimal::parse(""), None);
    assert_eq!(Decimal::from_f64(f64::NAN), Decimal::default());
    let huge = Decimal::from_f64(1e300);
    assert_eq!(
        huge * huge,
        Decimal(Decimal::LIMIT),
        "clamped, not overflowed"
    );
    assert_eq!(
        d("999999999999") * d("-999999999999"),
        Decimal(-Decimal::LIMIT)
    );
}

#[test]
fn steps_epochs_and_training_to_convergence() {
    let points = [
        Point::new(1.0, 1.0, 1.0),
        Point::new(2.0, 3.0, 1.0),
        Point::new(-1.0, -2.0, 0.0),
        Point::new(-3.0, 1.0, 0.0),
    ];
    let mut p = Perceptron::new(0.0, 0.0, 0.0, 0.1);
    assert_eq!(
        p.misclassified(&points),
        vec![2, 3],
        "score 0 counts as class 1"
    );
    let mut cursor = 3;
    let step = p.step(&points, &mut cursor).unwrap();
    assert_eq!(step.index, 3);
    assert_eq!(cursor, 0);
    let (epochs, converged) = p.train(&points, 100);
    assert!(converged, "separable data converges");
    assert!(epochs < 100);
    assert!(p.misclassified(&points).is_empty());
    assert!(p.step(&points, &mut cursor).is_none());
}
