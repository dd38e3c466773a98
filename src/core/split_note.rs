//! The note under the plot on the user's drawn points that the train/test split holds out as
//! test points: drawn as rings, they would otherwise look like a mistake.

/// What the note says for `test` of `total` drawn points held out, their rings drawn or not
/// (`shown`); `None` when no drawn point is a test point.
pub fn split_note_text(test: usize, total: usize, shown: bool) -> Option<String> {
    if test == 0 || total == 0 {
        return None;
    }
    let points = if total == 1 { "point" } else { "points" };
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
        "{test} of your {total} {points} {verb}{how}: {these} not trained on, only used to test the network on points it has not seen."
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_note_counts_the_drawn_test_points_and_goes_when_there_are_none() {
        assert_eq!(
            split_note_text(3, 12, true).as_deref(),
            Some("3 of your 12 points are test points (rings): they are not trained on, only used to test the network on points it has not seen.")
        );
        let one = split_note_text(1, 1, false).unwrap();
        assert!(
            one.starts_with("1 of your 1 point is a test point (hidden"),
            "{one}"
        );
        assert!(one.contains("it is not trained on"), "{one}");
        assert_eq!(split_note_text(0, 12, true), None);
        assert_eq!(split_note_text(0, 0, true), None);
    }

    #[test]
    fn one_test_point_among_many_is_singular_and_hidden_rings_say_how_to_show_them() {
        let note = split_note_text(1, 5, false).unwrap();
        assert!(note.starts_with("1 of your 5 points is a test point (hidden: Show test data draws them as rings): it is not trained on"), "{note}");
        let many = split_note_text(4, 4, true).unwrap();
        assert!(
            many.starts_with("4 of your 4 points are test points (rings): they are"),
            "{many}"
        );
    }
}
