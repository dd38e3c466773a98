//! The open lesson in the page's link: `lesson=<id>` and `card=<n>` (from 1) ride along with
//! the experiment's keys, `#dataset=xor&…&lesson=perceptron-trick&card=2`. They are taken out
//! before the experiment is parsed, so a preset never holds them and the experiment's parser
//! never sees them.

/// Where a link opens a lesson: its id, and a card counted from 1.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LessonLink {
    pub lesson: String,
    pub card: usize,
}

/// The longest lesson id a link may name; longer ones are cut (and will not be found).
const MAX_ID_LEN: usize = 64;

/// Splits a hash (with or without `#`) into the experiment's part and the lesson keys.
/// Returns the experiment's hash, the lesson (if a `lesson` key names one), and notes about
/// keys that were ignored. Never panics.
pub fn split_hash(hash: &str) -> (String, Option<LessonLink>, Vec<String>) {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    let mut rest: Vec<&str> = Vec::new();
    let (mut lesson, mut card, mut notes) = (None, None, Vec::new());
    for pair in hash.split('&') {
        match pair.split_once('=').unwrap_or((pair, "")) {
            ("lesson", id) => {
                let id: String = id.chars().take(MAX_ID_LEN).collect();
                lesson = (!id.is_empty()).then_some(id);
            }
            ("card", n) => match n.trim().parse::<usize>() {
                Ok(n) if n >= 1 => card = Some(n),
                _ => notes.push(format!(
                    "card: '{}' is not a card number; opened the first card.",
                    n.chars().take(24).collect::<String>()
                )),
            },
            _ if !pair.is_empty() => rest.push(pair),
            _ => {}
        }
    }
    if lesson.is_none() && card.is_some() {
        notes.push("card= needs a lesson= key beside it; ignored.".into());
    }
    let link = lesson.map(|lesson| LessonLink {
        lesson,
        card: card.unwrap_or(1),
    });
    (rest.join("&"), link, notes)
}

/// The hash (without `#`) holding the experiment and, after it, the lesson keys.
pub fn join_hash(experiment: &str, link: Option<&LessonLink>) -> String {
    match link {
        None => experiment.to_string(),
        Some(l) if experiment.is_empty() => format!("lesson={}&card={}", l.lesson, l.card),
        Some(l) => format!("{experiment}&lesson={}&card={}", l.lesson, l.card),
    }
}
