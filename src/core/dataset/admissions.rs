//! The lecture notes' admissions example: a test score (x₁) and grades (x₂), each out of 10,
//! admitted (class 1) above the notes' line 2x₁ + x₂ − 18 = 0. A second set puts the score
//! out of 100 (the same students, the score ×10), so that the two inputs' scales really differ
//! (the normalizing lesson).
use super::Point;
use crate::core::domain::Domain;
use crate::core::rng::Pcg32;

/// Where the notes' admissions data lives: test score 0–10 across, grades 0–10 up.
pub const ADMISSIONS_DOMAIN: Domain = Domain {
    x1: (0.0, 10.0),
    x2: (0.0, 10.0),
};

/// Where the score-out-of-100 set lives: test score 0–100 across, grades 0–10 up.
pub const ADMISSIONS100_DOMAIN: Domain = Domain {
    x1: (0.0, 100.0),
    x2: (0.0, 10.0),
};

/// Students this close to the line (in units of the score 2x₁ + x₂ − 18) are not generated
/// at no noise, so that rounding a point to the links' 0.01 grid never moves it across.
const MARGIN: f64 = 0.1;

/// The notes' score: 2·test + grades − 18, both out of 10; admitted when ≥ 0 (the notes'
/// "Score > 0: Accept", with the perceptron's ≥ on the line itself).
pub fn admission_score(test: f64, grades: f64) -> f64 {
    2.0 * test + grades - 18.0
}

/// `n` students with a test score and grades uniform in 0–10, admitted by
/// [`admission_score`]. At `noise` 0 the notes' line separates them exactly (none lies within
/// [`MARGIN`] of it). `noise` in [0, 1] blurs the rule: a student's score gets Gaussian noise
/// of standard deviation 3·noise before the decision (50 % noise: ±1.5, about ±0.7 grade
/// points across the line), so some near the line get the other label, and the notes' weights
/// then misclassify exactly those.
pub fn admissions(n: usize, noise: f64, rng: &mut Pcg32) -> Vec<Point> {
    let noise = noise.clamp(0.0, 1.0);
    let mut points = Vec::with_capacity(n);
    while points.len() < n {
        let (test, grades) = (rng.range(0.0, 10.0), rng.range(0.0, 10.0));
        let score = admission_score(test, grades);
        if score.abs() < MARGIN {
            continue;
        }
        let blur = 3.0 * noise * rng.normal();
        let admitted = score + blur >= 0.0;
        points.push(Point::new(test, grades, f64::from(u8::from(admitted))));
    }
    points
}

/// `n` students with a test score in 10–100 and grades in 1–10 (uniform), admitted by the
/// notes' line with the score out of 100 (x₁ = score / 10): score / 5 + grades − 18 ≥ 0.
/// `noise` in [0, 1] blurs the rule (50 % noise: a spread of about ±3 score points).
pub fn admissions100(n: usize, noise: f64, rng: &mut Pcg32) -> Vec<Point> {
    (0..n)
        .map(|_| {
            let score = rng.range(10.0, 100.0);
            let grades = rng.range(1.0, 10.0);
            let blur = 6.0 * noise.clamp(0.0, 1.0) * rng.normal();
            let admitted = score / 5.0 + grades - 18.0 + blur >= 0.0;
            Point::new(score, grades, f64::from(u8::from(admitted)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How many points the notes' weights (2, 1, −18) put on the wrong side, as the
    /// perceptron predicts: class 1 where w·x + b ≥ 0.
    fn wrong(pts: &[Point]) -> usize {
        pts.iter()
            .filter(|p| (admission_score(p.x1, p.x2) >= 0.0) != (p.label == 1.0))
            .count()
    }

    #[test]
    fn students_are_out_of_ten_and_the_notes_line_separates_them() {
        let pts = admissions(400, 0.0, &mut Pcg32::new(3, 1));
        assert!(pts.iter().all(|p| ADMISSIONS_DOMAIN.contains(p.x1, p.x2)));
        let admitted = pts.iter().filter(|p| p.label == 1.0).count();
        // The admitted corner is 35 % of the square.
        assert!((100..180).contains(&admitted), "{admitted} admitted");
        assert_eq!(wrong(&pts), 0);
        // Rounded to the links' 0.01 grid, none crosses the line.
        let round = |v: f64| (v * 100.0).round() / 100.0;
        let rounded: Vec<Point> = pts
            .iter()
            .map(|p| Point::new(round(p.x1), round(p.x2), p.label))
            .collect();
        assert_eq!(wrong(&rounded), 0);
        // The notes' line: (9, 0) and (4, 10) are on it; student 4 (test 9, grades 1) is in.
        assert_eq!(admission_score(9.0, 0.0), 0.0);
        assert_eq!(admission_score(4.0, 10.0), 0.0);
        assert!(admission_score(9.0, 1.0) > 0.0);
    }

    #[test]
    fn noise_flips_only_students_near_the_line() {
        let pts = admissions(400, 0.2, &mut Pcg32::new(3, 1));
        let flipped: Vec<&Point> = pts
            .iter()
            .filter(|p| (admission_score(p.x1, p.x2) >= 0.0) != (p.label == 1.0))
            .collect();
        assert!(
            !flipped.is_empty() && flipped.len() < 40,
            "{}",
            flipped.len()
        );
        // Standard deviation 0.6 at 20 %: nobody 4 σ from the line changes side.
        assert!(flipped
            .iter()
            .all(|p| admission_score(p.x1, p.x2).abs() < 2.4));
    }

    #[test]
    fn the_score_out_of_100_keeps_the_line() {
        let pts = admissions100(400, 0.0, &mut Pcg32::new(3, 1));
        assert!(pts
            .iter()
            .all(|p| ADMISSIONS100_DOMAIN.contains(p.x1, p.x2)));
        assert!(pts.iter().any(|p| p.x1 > 50.0) && pts.iter().any(|p| p.x2 < 5.0));
        let admitted = pts.iter().filter(|p| p.label == 1.0).count();
        assert!((80..240).contains(&admitted), "{admitted} admitted");
        assert!(pts
            .iter()
            .all(|p| (p.x1 / 5.0 + p.x2 - 18.0 >= 0.0) == (p.label == 1.0)));
    }
}
