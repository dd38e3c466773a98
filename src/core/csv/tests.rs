use super::*;
use crate::core::config::clamp_point;
use crate::core::rng::Pcg32;

const CLS: Problem = Problem::Classification;
const REG: Problem = Problem::Regression;

fn err(text: &str, problem: Problem) -> String {
    points_from_csv(text, problem).expect_err("should be refused")
}

#[test]
fn points_round_trip_through_csv() {
    let mut rng = Pcg32::new(5, 5);
    for problem in [CLS, REG] {
        let points: Vec<Point> = (0..300)
            .map(|_| {
                let label = match problem {
                    CLS => f64::from(rng.below(6)),
                    REG => rng.range(-10.0, 10.0),
                };
                let p = Point::new(rng.range(-6.0, 6.0), rng.range(-6.0, 6.0), label);
                clamp_point(p, problem)
            })
            .collect();
        let csv = points_to_csv(&points);
        assert!(csv.starts_with("x1,x2,label\n"));
        assert_eq!(csv.lines().count(), 301);
        assert_eq!(points_from_csv(&csv, problem).unwrap(), points);
    }
}

#[test]
fn headers_blank_lines_crlf_quotes_and_other_separators_are_accepted() {
    let expected = vec![Point::new(1.5, -2.0, 1.0), Point::new(0.0, 3.25, 0.0)];
    for text in [
        "x1,x2,label\n1.5,-2,1\n0,3.25,0\n",
        "\u{feff}x,y,class\r\n\r\n1.5, -2, 1\r\n  \r\n0,3.25,0",
        "1.5,-2,1\n0,3.25,0",
        "\"x1\",\"x2\",\"label\"\n\"1.5\",\"-2\",\"1\"\n0,3.25,0\n",
        "x1;x2;label\n1,5;-2;1\n0;3,25;0\n",
        "x1\tx2\tlabel\n1.5\t-2\t1\n0\t3.25\t0\n",
    ] {
        assert_eq!(points_from_csv(text, CLS).unwrap(), expected, "{text:?}");
    }
    // Rounded to the link's resolution, as drawn points are.
    let pts = points_from_csv("1.234,-0.001,0.5", REG).unwrap();
    assert_eq!(pts, vec![Point::new(1.23, 0.0, 0.5)]);
}

#[test]
fn each_error_names_its_line_and_the_problem() {
    assert_eq!(
        err("x1,x2,label\n1,2,0\n\n1,2,1\n3,4\n", CLS),
        "line 5: expected 3 columns (x1,x2,label), found 2"
    );
    assert_eq!(
        err("x1,x2\n1,2\n", CLS),
        "line 1: expected 3 columns (x1,x2,label), the header has 2"
    );
    assert_eq!(
        err("1,2,0\n1,abc,1\n", CLS),
        "line 2: 'abc' in column x2 is not a number"
    );
    assert!(err("1,2,NaN", REG).contains("line 1: 'NaN' in column label is not a number"));
    assert!(err("1,2,inf", REG).contains("is not a number"));
    assert_eq!(
        err("1,2,0\n7.5,0,1", CLS),
        "line 2: x1 = 7.5 is outside the plot (−6 to 6)"
    );
    assert!(err("0,-6.5,1", CLS).starts_with("line 1: x2 = -6.5 is outside"));
    assert_eq!(
        err("1,2,6", CLS),
        "line 1: label 6 is not a class; classes are whole numbers 0 to 5"
    );
    assert!(err("1,2,1.5", CLS).contains("label 1.5 is not a class"));
    assert!(err("1,2,-1", CLS).contains("label -1 is not a class"));
    assert_eq!(
        err("1,2,12", REG),
        "line 1: label 12 is outside the regression range (-10 to 10)"
    );
    assert!(err("", CLS).contains("no points"));
    assert!(err("x1,x2,label\n\n", CLS).contains("no points"));
    assert!(err("1,2,0,4", CLS).contains("found 4"));
}

#[test]
fn too_many_points_or_too_large_a_file_are_refused() {
    let mut text = String::from("x1,x2,label\n");
    for _ in 0..limits::MAX_POINTS {
        text.push_str("1,1,1\n");
    }
    assert_eq!(
        points_from_csv(&text, CLS).map(|p| p.len()),
        Ok(limits::MAX_POINTS)
    );
    text.push_str("2,2,0\n");
    assert_eq!(
        err(&text, CLS),
        format!(
            "line {}: more than 5000 points; a file may hold at most 5000",
            limits::MAX_POINTS + 2
        )
    );
    let huge = "1,1,1\n".repeat(limits::MAX_CSV_BYTES / 6 + 1);
    assert!(err(&huge, CLS).contains("larger than"));
}

#[test]
fn a_domain_in_raw_units_takes_raw_coordinates() {
    let raw = crate::core::dataset::ADMISSIONS100_DOMAIN;
    let pts = points_from_csv_in(
        "x1,x2,label\n72.5,8.25,1\n10,1,0",
        CLS,
        raw,
        Columns::Labelled,
    )
    .unwrap();
    assert_eq!(
        pts,
        vec![Point::new(72.5, 8.25, 1.0), Point::new(10.0, 1.0, 0.0)]
    );
    let err = points_from_csv_in("101,5,1", CLS, raw, Columns::Labelled).unwrap_err();
    assert!(err.contains("outside the plot (0 to 100)"), "{err}");
}

/// Line and curve mode read (x, y) pairs: two columns, or three with the label kept.
#[test]
fn xy_files_have_two_columns_where_labels_mean_nothing() {
    let xy = |text: &str| points_from_csv_in(text, REG, Domain::SQUARE, Columns::XyOrLabelled);
    let want = vec![Point::new(1.5, -2.0, 0.0), Point::new(-3.0, 0.25, 0.0)];
    for text in [
        "x,y\n1.5,-2\n-3,0.25\n",
        "1.5;-2\n-3;0,25",
        "\"x\"\t\"y\"\r\n1.5\t-2\r\n\r\n-3\t0.25",
    ] {
        assert_eq!(xy(text), Ok(want.clone()), "{text:?}");
    }
    // Three columns still read, labels and all.
    assert_eq!(
        xy("x1,x2,label\n1.5,-2,4\n"),
        Ok(vec![Point::new(1.5, -2.0, 4.0)])
    );
    assert_eq!(
        xy("x,y\n1,2\n3,4,0\n"),
        Err("line 3: expected 2 columns (x,y) as the first line has, found 3".into())
    );
    assert_eq!(
        xy("1,2,0\n3,4\n"),
        Err("line 2: expected 3 columns (x1,x2,label) as the first line has, found 2".into())
    );
    assert_eq!(
        xy("x,y,z,w\n"),
        Err("line 1: expected 2 columns (x,y) or 3 (x1,x2,label), the header has 4".into())
    );
    assert_eq!(
        xy("1,abc"),
        Err("line 1: 'abc' in column y is not a number".into())
    );
    assert_eq!(
        xy("7,1"),
        Err("line 1: x = 7 is outside the plot (−6 to 6)".into())
    );
    assert!(xy("x,y\n")
        .unwrap_err()
        .contains("expected lines of x,y or x1,x2,label"));
    // Elsewhere two columns are refused, as before.
    assert_eq!(
        err("1,2\n", CLS),
        "line 1: expected 3 columns (x1,x2,label), found 2"
    );
}

/// Quoted fields are read by a real tokenizer: separators, quotes and line ends inside quotes.
#[test]
fn quoted_fields_hold_separators_quotes_and_line_ends() {
    let expected = vec![Point::new(1.5, -2.0, 1.0), Point::new(0.0, 3.25, 0.0)];
    for text in [
        // A decimal comma in quotes, where the separator is a comma.
        "\"1,5\",-2,1\n0,\"3,25\",0\n",
        // Escaped quotes and separators in a quoted header.
        "\"x1 (\"\"cm\"\")\",\"x2, cm\",label\n1.5,-2,1\n0,3.25,0\n",
        // A header field with a line end inside its quotes.
        "\"x1\",\"x2\ncm\",\"label\"\r\n1.5,-2,1\r\n0,3.25,0\r\n",
        // A decimal comma with `;`, quoted or not, and CRLF with blank lines between.
        "x1;x2;label\r\n\r\n\"1,5\";-2;1\r\n   \r\n0;3,25;\"0\"",
        // Tabs, with a decimal comma.
        "1,5\t-2\t1\n0\t3,25\t0",
    ] {
        assert_eq!(points_from_csv(text, CLS), Ok(expected.clone()), "{text:?}");
    }
    // `"1,5",2,0` is three fields, not four.
    assert_eq!(
        points_from_csv("\"1,5\",2,0", CLS),
        Ok(vec![Point::new(1.5, 2.0, 0.0)])
    );
    // A quoted number with a thousands-style comma and a point is not a number.
    assert_eq!(
        err("1,2,0\n\"1,000.5\",2,0", CLS),
        "line 2: '1,000.5' in column x1 is not a number"
    );
}

#[test]
fn line_numbers_count_blank_lines_crlf_and_line_ends_inside_quotes() {
    assert_eq!(
        err("x1,x2,label\r\n\r\n1,2,0\r\n1,x,0\r\n", CLS),
        "line 4: 'x' in column x2 is not a number"
    );
    assert_eq!(
        err("\"x\n1\",x2,label\n\n1,2,0\n1,2\n", CLS),
        "line 5: expected 3 columns (x1,x2,label), found 2"
    );
    assert_eq!(
        err("1,2,0\n\"1\n\n\",2,0\n7,0,0\n", CLS),
        "line 5: x1 = 7 is outside the plot (−6 to 6)"
    );
    assert_eq!(
        err("1;2;0\n1;2;0;\"\"\n", CLS),
        "line 2: expected 3 columns (x1,x2,label), found 4"
    );
}

#[test]
fn long_fields_and_many_columns_are_refused_without_a_crash() {
    let many = format!("1,2,0\n{}\n", vec!["1"; 5000].join(","));
    assert_eq!(
        err(&many, CLS),
        "line 2: expected 3 columns (x1,x2,label), found 5000"
    );
    let long = format!("1,\"{}\",0", "9".repeat(100_000));
    assert_eq!(
        err(&long, CLS),
        "line 1: '999999999999999999999999…' in column x2 is not a number"
    );
    let open_quote = "1,\"2,0\n3,4,1\n";
    // A quote left open takes the rest of the file into one field.
    assert_eq!(
        err(open_quote, CLS),
        "line 1: expected 3 columns (x1,x2,label), found 2"
    );
}

#[test]
fn cr_only_line_ends_are_line_ends_and_binary_data_is_not_a_csv() {
    assert_eq!(
        points_from_csv("x1,x2,label\r1,2,0\r-3,0.5,1\r", Problem::Classification),
        Ok(vec![Point::new(1.0, 2.0, 0.0), Point::new(-3.0, 0.5, 1.0)])
    );
    let err = points_from_csv("x1,x2,label\r1,2,0\roops,2,1", Problem::Classification);
    assert_eq!(
        err,
        Err("line 3: 'oops' in column x1 is not a number".into())
    );
    for garbage in [
        "PK\u{3}\u{4}\u{14}\0\0\u{8}",
        "\u{fffd}\u{fffd}\u{fffd}PNG\u{fffd}\n\u{fffd}",
    ] {
        let err = points_from_csv(garbage, Problem::Classification).unwrap_err();
        assert_eq!(err, "this is not a text CSV file (it holds binary data)");
    }
    let long = format!("1,2,{}", "x".repeat(100));
    let err = points_from_csv(&long, Problem::Classification).unwrap_err();
    assert!(
        err.contains("'xxxxxxxxxxxxxxxxxxxxxxxx…' in column label"),
        "{err}"
    );
}

#[test]
fn huge_and_tiny_numbers_are_quoted_short() {
    let e = err("1e308,0,1\n", CLS);
    assert_eq!(e, "line 1: x1 = 1e308 is outside the plot (−6 to 6)");
    let e = err("0,0,1e-320\n", CLS);
    assert_eq!(
        e,
        "line 1: label 1e-320 is not a class; classes are whole numbers 0 to 5"
    );
    let e = err("0,0,-2e300\n", REG);
    assert_eq!(
        e,
        "line 1: label -2e300 is outside the regression range (-10 to 10)"
    );
}
