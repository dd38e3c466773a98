//! Points as CSV, both ways.
//!
//! Export writes a header `x1,x2,label` and one point a line. Import is strict: any problem
//! refuses the whole file with a message naming the line (counting from 1) and what is wrong,
//! so the current points are kept. It accepts a header row (any names, three columns), blank
//! lines, CRLF line ends, a UTF-8 byte-order mark, double-quoted fields (read by the
//! `csv-core` tokenizer: `""` inside quotes is a quote, and a separator or line end inside
//! quotes belongs to the field), and `;` or tab as separator (decided by the first non-blank
//! line). A decimal comma `1,5` (with `;` or tabs, or in quotes) is read as 1.5. Points are kept at the link's resolution (0.01), as drawn points are. Where labels
//! are not used (line and curve mode fit y = x₂ against x = x₁), two columns `x,y` are read
//! too, every line as many columns as the first.
use crate::core::config::{clamp_point_in, format_number, limits};
use crate::core::dataset::{Point, Problem, MAX_CLASSES};
use crate::core::domain::Domain;
use records::Records;

mod records;

/// The header [`points_to_csv`] writes.
pub const CSV_HEADER: &str = "x1,x2,label";
/// The column names, for messages.
const COLUMNS: [&str; 3] = ["x1", "x2", "label"];
/// The column names of a two-column file, for messages.
const XY: [&str; 2] = ["x", "y"];

/// The columns a file may have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Columns {
    /// `x1,x2,label`.
    Labelled,
    /// `x,y` (each point's label is then 0) or `x1,x2,label`: for line and curve mode, which
    /// read the points as (x, y) and do not use their labels.
    XyOrLabelled,
}

impl Columns {
    /// What a file with these columns looks like, for messages.
    fn expected(self) -> &'static str {
        match self {
            Columns::Labelled => "3 columns (x1,x2,label)",
            Columns::XyOrLabelled => "2 columns (x,y) or 3 (x1,x2,label)",
        }
    }
}

/// The points as CSV: the header, then `x1,x2,label` per line, each line ending in `\n`.
/// Numbers are written in full (the shortest text that reads back to the same value).
pub fn points_to_csv(points: &[Point]) -> String {
    let mut s = String::with_capacity(12 + points.len() * 16);
    s.push_str(CSV_HEADER);
    s.push('\n');
    for p in points {
        for (i, v) in [p.x1, p.x2, p.label].into_iter().enumerate() {
            if i > 0 {
                s.push(',');
            }
            s.push_str(&format_number(v));
        }
        s.push('\n');
    }
    s
}

/// Reads points for `problem` from CSV text. Labels are class indices 0–5 for
/// classification, values in −10 to 10 for regression; coordinates lie in −6 to 6. Returns
/// every point, or the first error as "line 7: expected 3 columns (x1,x2,label), found 2".
pub fn points_from_csv(text: &str, problem: Problem) -> Result<Vec<Point>, String> {
    points_from_csv_in(text, problem, Domain::SQUARE, Columns::Labelled)
}

/// [`points_from_csv`] for a data set with its own `domain` (such as the admissions data's
/// raw units; coordinates must lie inside it), with the given `columns`.
pub fn points_from_csv_in(
    text: &str,
    problem: Problem,
    domain: Domain,
    columns: Columns,
) -> Result<Vec<Point>, String> {
    if text.len() > limits::MAX_CSV_BYTES {
        return Err(crate::core::text::larger_than(limits::MAX_CSV_BYTES));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if is_binary(text) {
        return Err("this is not a text CSV file (it holds binary data)".into());
    }
    // Old Mac files end lines with a lone CR: read it as a line end, as CRLF is.
    let text = if text.contains('\r') {
        std::borrow::Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    let text = text.as_ref();
    let first_line = text.lines().find(|line| !line.trim().is_empty());
    let sep = match first_line {
        Some(line) if line.contains(';') => b';',
        Some(line) if line.contains('\t') => b'\t',
        _ => b',',
    };
    let mut points = Vec::new();
    // The columns every line must have, set by the first line.
    let mut width = None;
    for (n, fields) in Records::new(text, sep) {
        let first = width.is_none();
        let is_header = first && parse_number(&fields[0]).is_none();
        let two = columns == Columns::XyOrLabelled && fields.len() == 2;
        let want = *width.get_or_insert(if two { 2 } else { 3 });
        if fields.len() != want {
            let what = if is_header { "the header has" } else { "found" };
            let expected = match (first, want, columns) {
                (true, ..) => columns.expected(),
                (false, 2, _) => "2 columns (x,y) as the first line has",
                (false, _, Columns::XyOrLabelled) => {
                    "3 columns (x1,x2,label) as the first line has"
                }
                (false, _, Columns::Labelled) => "3 columns (x1,x2,label)",
            };
            return Err(format!(
                "line {n}: expected {expected}, {what} {}",
                fields.len()
            ));
        }
        if is_header {
            continue;
        }
        if points.len() == limits::MAX_POINTS {
            return Err(format!(
                "line {n}: more than {} points; a file may hold at most {}",
                limits::MAX_POINTS,
                limits::MAX_POINTS
            ));
        }
        points.push(read_point(n, &fields, (problem, domain))?);
    }
    if points.is_empty() {
        let lines = match columns {
            Columns::Labelled => "x1,x2,label",
            Columns::XyOrLabelled => "x,y or x1,x2,label",
        };
        return Err(format!("the file has no points: expected lines of {lines}"));
    }
    Ok(points)
}

/// Whether `text` (as the browser decoded it) is binary data rather than text: a NUL or
/// another control character that no text file holds, or many bytes that were not UTF-8
/// (U+FFFD) in its first 4,000 characters.
fn is_binary(text: &str) -> bool {
    let head = text.chars().take(4000);
    let (mut replaced, mut n) = (0, 0);
    for c in head {
        n += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}') {
            return true;
        }
        replaced += usize::from(c == '\u{fffd}');
    }
    replaced * 10 > n
}

/// A number, reading a decimal comma (`1,5`, in a file separated by `;` or tabs, or in
/// quotes). Only finite numbers.
fn parse_number(field: &str) -> Option<f64> {
    let parsed = if field.contains(',') && !field.contains('.') {
        field.replace(',', ".").parse::<f64>()
    } else {
        field.parse::<f64>()
    };
    parsed.ok().filter(|v| v.is_finite())
}

/// One point from its fields (x1, x2 and, if there is one, the label), on line `n`.
/// `v` for a message: as written for |v| from 10⁻⁶ to 10⁶, else in exponent form (`1e308`,
/// not its 309 digits: the message goes to the status line).
fn short_number(v: f64) -> String {
    if v == 0.0 || (1e-6..1e6).contains(&v.abs()) {
        format_number(v)
    } else {
        format!("{v:e}")
    }
}

fn read_point(
    n: usize,
    fields: &[String],
    (problem, domain): (Problem, Domain),
) -> Result<Point, String> {
    let names: &[&str] = if fields.len() == 2 { &XY } else { &COLUMNS };
    let mut v = [0.0; 3];
    for (i, field) in fields.iter().enumerate() {
        v[i] = parse_number(field).ok_or_else(|| {
            let shown = crate::core::text::shorten(field);
            format!("line {n}: '{shown}' in column {} is not a number", names[i])
        })?;
    }
    for (i, (&c, (lo, hi))) in v[..2].iter().zip([domain.x1, domain.x2]).enumerate() {
        if !(lo..=hi).contains(&c) {
            return Err(format!(
                "line {n}: {} = {} is outside the plot ({})",
                names[i],
                short_number(c),
                Domain::range_text((lo, hi))
            ));
        }
    }
    let label = v[2];
    let shown = short_number(label);
    let last = MAX_CLASSES - 1;
    match problem {
        Problem::Classification
            if label.fract() != 0.0 || !(0.0..=last as f64).contains(&label) =>
        {
            return Err(format!(
                "line {n}: label {shown} is not a class; classes are whole numbers 0 to {last}"
            ))
        }
        Problem::Regression => {
            let (lo, hi) = limits::REGRESSION_LABEL;
            if !(lo..=hi).contains(&label) {
                return Err(format!(
                    "line {n}: label {shown} is outside the regression range ({lo} to {hi})"
                ));
            }
        }
        Problem::Classification => {}
    }
    Ok(clamp_point_in(
        Point::new(v[0], v[1], label),
        problem,
        domain,
    ))
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_fuzz;
