//! A fuzz run of the CSV reader with a fixed budget: thousands of valid files mutated by the
//! project's own seeded RNG (so every run, and CI, tries the same ones), and random text. For
//! each: no panic; a refusal is a short message naming what is wrong; points read are inside
//! the plot, with allowed labels, at most [`limits::MAX_POINTS`] of them, and read back the
//! same from the CSV the app writes of them.
use super::*;
use crate::core::config::clamp_point;
use crate::core::fuzz::{mutate, mutate_numbers, random_points, random_text};
use crate::core::rng::Pcg32;

/// How many files one run tries (well under a second natively in a debug build).
const CASES: usize = 3000;

/// A valid file: some points, written the ways people write them (a header or none, `;` or
/// tabs with decimal commas, quotes, CRLF).
fn valid(rng: &mut Pcg32, problem: Problem) -> String {
    let n = rng.below(30) as usize;
    let points = random_points(rng, n, problem);
    let csv = points_to_csv(&points);
    match rng.below(4) {
        0 => csv.replace(',', ";").replace('.', ","),
        1 => csv.replace(',', "\t").replace('\n', "\r\n"),
        2 => csv
            .lines()
            .skip(1)
            .map(|l| format!("\"{}\"\n", l.replace(',', "\",\"")))
            .collect(),
        _ => csv,
    }
}

/// The characters CSV files are made of, and some others: random text is mostly these.
const CSV_CHARS: &str = "0123456789.,;-e\t\r\n\" xyé€\u{0}";

/// Checks one file; whether it was read.
fn check(text: &str, problem: Problem, columns: Columns) -> bool {
    match points_from_csv_in(text, problem, Domain::SQUARE, columns) {
        Err(why) => {
            assert!(!why.is_empty() && why.chars().count() < 300, "{why:.400}");
            false
        }
        Ok(points) => {
            assert!(points.len() <= limits::MAX_POINTS);
            for p in &points {
                assert_eq!(clamp_point(*p, problem), *p, "{p:?} from {text:.300?}");
            }
            let again =
                points_from_csv_in(&points_to_csv(&points), problem, Domain::SQUARE, columns);
            assert_eq!(again.as_ref(), Ok(&points), "{text:.300?}");
            true
        }
    }
}

#[test]
fn the_csv_reader_survives_thousands_of_mutated_and_random_files() {
    let mut rng = Pcg32::new(0xc5f, 19);
    let mut read = 0;
    for case in 0..CASES {
        let problem = if case % 3 == 0 {
            Problem::Regression
        } else {
            Problem::Classification
        };
        let columns = if case % 5 == 0 {
            Columns::XyOrLabelled
        } else {
            Columns::Labelled
        };
        let valid = valid(&mut rng, problem);
        let text = match rng.below(5) {
            0 => random_text(&mut rng, CSV_CHARS, 400),
            1 | 2 => mutate(&mut rng, &valid),
            _ => mutate_numbers(&mut rng, &valid),
        };
        read += usize::from(check(&text, problem, columns));
    }
    eprintln!("{read} of {CASES} read");
    assert!(
        read > CASES / 20,
        "only {read} of {CASES} read: the mutations reach no deeper"
    );
}
