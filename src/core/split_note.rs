//! The note under the plot on the user's drawn points that the train/test split holds out as
//! test points: drawn as rings, they would otherwise look like a mistake.

/// What the note says for `test` of `total` points held out, `generated` of them kept from
/// the generated set when the user edited it (the rest drawn), their rings drawn or not
/// (`shown`); `None` when no point is a test point.
pub fn split_note_text(test: usize, total: usize, generated: usize, shown: bool) -> Option<String> {
    if test == 0 || total == 0 {
        return None;
    }
    let whose = if generated == 0 {
        let points = if total == 1 { "point" } else { "points" };
        format!("your {total} {points}")
    } else {
        points_whose(total, generated)
    };
    let (verb, these) = if test == 1 {
        ("is a test point", "it is")
    } else {
        ("are test points", "they are")
    };
    let how = if shown {
        " (rings)"
    } else {
        " (hidden: Show test data draws them as rings)"
    };
    Some(format!(
        "{test} of {whose} {verb}{how}: {these} not trained on, only used to test the network on points it has not seen."
    ))
}

/// The user's `total` points, `generated` of them kept from the generated set: "4 points of
/// your own", or "502 points (500 generated, 2 drawn by you)" (not all of them hers).
pub fn points_whose(total: usize, generated: usize) -> String {
    let points = if total == 1 { "point" } else { "points" };
    if generated == 0 {
        format!("{total} {points} of your own")
    } else {
        let drawn = total.saturating_sub(generated);
        format!("{total} {points} ({generated} generated, {drawn} drawn by you)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_kept_from_a_generated_set_are_counted_apart_from_the_drawn_ones() {
        assert_eq!(points_whose(4, 0), "4 points of your own");
        assert_eq!(points_whose(1, 0), "1 point of your own");
        assert_eq!(
            points_whose(502, 500),
            "502 points (500 generated, 2 drawn by you)"
        );
    }

    #[test]
    fn the_note_counts_the_drawn_test_points_and_goes_when_there_are_none() {
        assert_eq!(
            split_note_text(3, 12, 0, true).as_deref(),
            Some("3 of your 12 points are test points (rings): they are not trained on, only used to test the network on points it has not seen.")
        );
        let one = split_note_text(1, 1, 0, false).unwrap();
        assert!(
            one.starts_with("1 of your 1 point is a test point (hidden"),
            "{one}"
        );
        assert!(one.contains("it is not trained on"), "{one}");
        assert_eq!(split_note_text(0, 12, 0, true), None);
        assert_eq!(split_note_text(0, 0, 0, true), None);
    }

    #[test]
    fn one_test_point_among_many_is_singular_and_hidden_rings_say_how_to_show_them() {
        let note = split_note_text(1, 5, 0, false).unwrap();
        assert!(note.starts_with("1 of your 5 points is a test point (hidden: Show test data draws them as rings): it is not trained on"), "{note}");
        let many = split_note_text(4, 4, 0, true).unwrap();
        assert!(
            many.starts_with("4 of your 4 points are test points (rings): they are"),
            "{many}"
        );
    }

    #[test]
    fn points_kept_from_a_generated_set_are_not_called_the_users() {
        // One point drawn on 500 generated ones said "241 of your 501 points".
        let note = split_note_text(241, 501, 500, true).unwrap();
        assert!(
            note.starts_with(
                "241 of 501 points (500 generated, 1 drawn by you) are test points (rings)"
            ),
            "{note}"
        );
        assert!(!note.contains("your"), "{note}");
    }

    #[test]
    fn an_edited_generated_set_counts_its_generated_points() {
        use crate::core::config::ExperimentConfig;
        use crate::core::dataset::Point;
        use crate::core::trainer::{PointEdit, Trainer};
        let trainer = Trainer::new(ExperimentConfig::default());
        let n = trainer.points().len();
        let edited = trainer.edited(PointEdit::Add(Point::new(1.0, 2.0, 1.0)));
        assert_eq!(edited.generated_kept(), n);
        assert_eq!(ExperimentConfig::default().generated_kept(), 0);
        let drawn = ExperimentConfig {
            points: Some(vec![Point::new(1.0, 2.0, 1.0)]),
            ..ExperimentConfig::default()
        };
        assert_eq!(drawn.generated_kept(), 0);
    }
}
