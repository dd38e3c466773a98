//! The lecture notes' admissions example in raw units: a test score from 0 to 100 (x₁) and
//! grades from 0 to 10 (x₂); class 1 is admitted.
use super::Point;
use crate::core::domain::Domain;
use crate::core::rng::Pcg32;

/// Where the admissions data lives: test score 0–100 across, grades 0–10 up.
pub const ADMISSIONS_DOMAIN: Domain = Domain {
    x1: (0.0, 100.0),
    x2: (0.0, 10.0),
};

/// The admissions rule: the notes' line 2·x₁ + x₂ − 18 = 0 with the test score out of 100
/// (x₁ = score / 10), that is score / 5 + grades − 18; admitted when ≥ 0.
pub fn admission_score(score: f64, grades: f64) -> f64 {
    score / 5.0 + grades - 18.0
}

/// `n` students with a test score in 10–100 and grades in 1–10 (uniform), admitted by
/// [`admission_score`]; `noise` in [0, 1] blurs the rule (50 % noise: a spread of about
/// ±3 score points around the line).
pub fn admissions(n: usize, noise: f64, rng: &mut Pcg32) -> Vec<Point> {
    (0..n)
        .map(|_| {
            let score = rng.range(10.0, 100.0);
            let grades = rng.range(1.0, 10.0);
            let blur = 6.0 * noise.clamp(0.0, 1.0) * rng.normal();
            let admitted = admission_score(score, grades) + blur >= 0.0;
            Point::new(score, grades, f64::from(u8::from(admitted)))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn students_are_in_raw_units_and_both_classes_appear() {
        let pts = admissions(400, 0.0, &mut Pcg32::new(3, 1));
        assert!(pts.iter().all(|p| ADMISSIONS_DOMAIN.contains(p.x1, p.x2)));
        let admitted = pts.iter().filter(|p| p.label == 1.0).count();
        assert!((80..240).contains(&admitted), "{admitted} admitted");
        assert!(pts.iter().any(|p| p.x1 > 50.0) && pts.iter().any(|p| p.x2 < 5.0));
        // The notes' boundary: a score of 90 with no grades, or 40 with full grades.
        assert_eq!(admission_score(90.0, 0.0), 0.0);
        assert_eq!(admission_score(40.0, 10.0), 0.0);
    }
}
