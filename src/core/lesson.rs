//! Guided lessons: short cards, each with a text, an experiment preset (a link hash), what to
//! try, and a check that says when the student has seen it.
//!
//! A lesson is a text file in `src/lessons/` (`NN-id.lesson`; `NN` orders the list and the id
//! is the rest of the name). Every file there is built in; no Rust needs to change. The format
//! (the arrows are notes, not part of the file):
//!
//! ```text
//! # Linear boundaries and the perceptron trick       ← the title: the first line
//! An optional introduction, shown above the first card.
//!
//! ## Ten steps for one point                         ← "## " starts a card and names it
//! preset: model=perceptron&weights=3,4,-10&learningRate=0.1&points=1,1,1
//! The card's text: every line that is not one of the keys below.
//! A blank line starts a new paragraph.
//! try: Press Step until the point is on the right side.   ← what to do (one line)
//! check: misclassified = 0                           ← when they have seen it
//! needs: model=line                                  ← optional, see below
//! panel: cross-entropy                               ← optional: a tool under the text
//! // a line starting with two slashes is a comment
//! ```
//!
//! - `preset:` is an experiment link's hash, with or without `#` (copy it from the address bar).
//! - `check:` is a small expression over named quantities; see [`check`] and [`Quantity`].
//! - `needs:` lists `key=value` pairs (comma-separated) of features that this build may not
//!   have yet. The tests accept the link parser's notes about exactly those pairs.
//!
//! Parsing never panics; an error names the file and the line.
use crate::core::config::ExperimentConfig;
use crate::core::snapshot::Snapshot;
use std::fmt;

pub mod check;
mod library;
pub mod link;
pub mod panel;
pub mod progress;
pub mod quantity;
#[cfg(test)]
mod tests;

pub use check::Check;
pub use library::{shipped, Library, Opened, ViewFrom};
pub use link::LessonLink;
pub use panel::CardPanel;
pub use progress::{Progress, Verdict};
pub use quantity::{Quantity, Readings};

/// One lesson: a title, an introduction and its cards.
#[derive(Clone, Debug, PartialEq)]
pub struct Lesson {
    /// The id used in links (`lesson=<id>`): the file name without its number and extension.
    pub id: String,
    pub title: String,
    /// Paragraphs shown above the first card.
    pub intro: Vec<String>,
    /// At least one card.
    pub cards: Vec<Card>,
}

/// One step of a lesson.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    pub title: String,
    /// Paragraphs of text.
    pub text: Vec<String>,
    /// The experiment's hash, without `#`.
    pub preset: String,
    /// What the student should do.
    pub try_text: String,
    /// When the student has seen it.
    pub check: Check,
    /// `(key, value)` pairs the preset uses that this build may not have yet.
    pub needs: Vec<(String, String)>,
    /// A tool shown under the text (see [`CardPanel`]).
    pub panel: Option<CardPanel>,
    /// The line of the card's `## ` heading in its file (from 1).
    pub line: usize,
}

impl Card {
    /// Whether the check holds for a published snapshot and its config. The gradient check is
    /// costly, so `grad_check` is called only when the check names it.
    pub fn is_seen(
        &self,
        snapshot: &Snapshot,
        config: &ExperimentConfig,
        grad_check: &mut dyn FnMut() -> Option<f64>,
    ) -> bool {
        let mut readings = Readings::measure(snapshot, config);
        if self.check.quantities().contains(&Quantity::GradCheck) {
            readings.set(Quantity::GradCheck, grad_check());
        }
        self.check.holds(&|q| readings.get(q))
    }
}

/// A lesson file that could not be read, with the file name and the line (from 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LessonError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for LessonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} line {}: {}", self.file, self.line, self.message)
    }
}

/// The id a lesson file's name gives: `01-perceptron-trick.lesson` → `perceptron-trick`.
pub fn id_from_file_name(file: &str) -> String {
    let stem = file.rsplit('/').next().unwrap_or(file);
    let stem = stem.strip_suffix(".lesson").unwrap_or(stem);
    let unnumbered = stem.trim_start_matches(|c: char| c.is_ascii_digit());
    match unnumbered.strip_prefix('-') {
        Some(id) if !id.is_empty() => id.to_string(),
        _ => stem.to_string(),
    }
}

/// A card being read: its fields so far.
struct Draft {
    title: String,
    line: usize,
    text: Vec<String>,
    preset: Option<String>,
    try_text: Option<String>,
    check: Option<Check>,
    needs: Vec<(String, String)>,
    panel: Option<CardPanel>,
}

/// Parses the text of lesson file `file`.
pub fn parse(file: &str, text: &str) -> Result<Lesson, LessonError> {
    let err = |line: usize, message: String| LessonError {
        file: file.to_string(),
        line,
        message,
    };
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end()))
        .filter(|(_, l)| !l.trim_start().starts_with("//"));
    let title = read_title(&mut lines).map_err(|(n, m)| err(n, m))?;
    let (mut intro, mut cards, mut draft) = (Vec::new(), Vec::new(), None::<Draft>);
    for (n, l) in lines {
        if let Some(heading) = l.strip_prefix("## ") {
            if let Some(d) = draft.take() {
                let line = d.line;
                cards.push(finish(d).map_err(|m| err(line, m))?);
            }
            draft = Some(Draft::new(heading, n).map_err(|m| err(n, m))?);
        } else if let Some(d) = &mut draft {
            read_card_line(d, l).map_err(|m| err(n, m))?;
        } else if l.starts_with('#') {
            return Err(err(n, "cards start with '## ' (two #)".into()));
        } else {
            add_text(&mut intro, l);
        }
    }
    let Some(d) = draft else {
        let last_line = text.lines().count().max(1);
        return Err(err(last_line, "the lesson has no card ('## Title')".into()));
    };
    let line = d.line;
    cards.push(finish(d).map_err(|m| err(line, m))?);
    intro.retain(|p: &String| !p.is_empty());
    Ok(Lesson {
        id: id_from_file_name(file),
        title,
        intro,
        cards,
    })
}

/// Reads the title line ('# Title'), the first line that is not blank; on an error, the line
/// number and the message.
fn read_title<'a>(
    lines: &mut impl Iterator<Item = (usize, &'a str)>,
) -> Result<String, (usize, String)> {
    loop {
        match lines.next() {
            Some((_, l)) if l.trim().is_empty() => continue,
            Some((n, l)) => {
                return match l.strip_prefix("# ") {
                    Some(t) if !t.trim().is_empty() => Ok(t.trim().to_string()),
                    _ => Err((n, "the first line must be the title: '# Title'".into())),
                }
            }
            None => return Err((1, "the file is empty".into())),
        }
    }
}

impl Draft {
    /// An empty card titled `heading`, started on line `line`.
    fn new(heading: &str, line: usize) -> Result<Self, String> {
        if heading.trim().is_empty() {
            return Err("a card heading needs a title: '## Title'".into());
        }
        Ok(Draft {
            title: heading.trim().to_string(),
            line,
            text: Vec::new(),
            preset: None,
            try_text: None,
            check: None,
            needs: Vec::new(),
            panel: None,
        })
    }
}

/// Reads one line inside a card: a key line, or text.
fn read_card_line(d: &mut Draft, line: &str) -> Result<(), String> {
    let (key, value) = match line.split_once(':') {
        Some((k, v)) if ["preset", "try", "check", "needs", "panel"].contains(&k.trim()) => {
            (k.trim(), v.trim())
        }
        _ => {
            add_text(&mut d.text, line);
            return Ok(());
        }
    };
    let once = |taken: bool| {
        if taken {
            Err(format!("card '{}' has a second '{key}:' line", d.title))
        } else if value.is_empty() {
            Err(format!("'{key}:' needs something after it"))
        } else {
            Ok(())
        }
    };
    match key {
        "preset" => {
            once(d.preset.is_some())?;
            d.preset = Some(value.strip_prefix('#').unwrap_or(value).to_string());
        }
        "try" => {
            once(d.try_text.is_some())?;
            d.try_text = Some(value.to_string());
        }
        "check" => {
            once(d.check.is_some())?;
            d.check = Some(Check::parse(value).map_err(|m| format!("check: {m}"))?);
        }
        "panel" => {
            once(d.panel.is_some())?;
            d.panel = Some(CardPanel::parse(value)?);
        }
        _ => {
            once(false)?;
            for pair in value.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                match pair.split_once('=') {
                    Some((k, v)) if !k.is_empty() && !v.is_empty() => {
                        d.needs.push((k.to_string(), v.to_string()))
                    }
                    _ => return Err(format!("needs: '{pair}' is not key=value")),
                }
            }
        }
    }
    Ok(())
}

/// Adds a line of text: a blank line ends a paragraph, other lines join the current one.
fn add_text(paragraphs: &mut Vec<String>, line: &str) {
    let line = line.trim();
    match paragraphs.last_mut() {
        _ if line.is_empty() => {
            if paragraphs.last().is_some_and(|p| !p.is_empty()) {
                paragraphs.push(String::new());
            }
        }
        Some(p) if !p.is_empty() => {
            p.push(' ');
            p.push_str(line);
        }
        Some(p) => p.push_str(line),
        None => paragraphs.push(line.to_string()),
    }
}

/// A finished card, or what it lacks.
fn finish(d: Draft) -> Result<Card, String> {
    let missing = |what: &str| format!("card '{}' has no '{what}:' line", d.title);
    let mut text = d.text;
    text.retain(|p| !p.is_empty());
    Ok(Card {
        preset: d.preset.ok_or_else(|| missing("preset"))?,
        try_text: d.try_text.ok_or_else(|| missing("try"))?,
        check: d.check.ok_or_else(|| missing("check"))?,
        title: d.title,
        text,
        needs: d.needs,
        panel: d.panel,
        line: d.line,
    })
}
