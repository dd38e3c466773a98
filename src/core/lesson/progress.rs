//! Which lesson cards this browser has seen (their check held once), kept as a short text:
//! `perceptron-trick:1,2,4;logic-gates:1` (lesson id, then card numbers from 1). Reading
//! never panics: anything that is not a lesson id and card numbers is skipped, so a corrupt
//! or hand-edited value loses only its own bad parts.
use super::Lesson;
use std::collections::{BTreeMap, BTreeSet};

/// The most lessons and cards per lesson kept (more is not a real browser's progress).
const MAX_LESSONS: usize = 200;
const MAX_CARD: usize = 200;

/// The seen cards, by lesson id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress(BTreeMap<String, BTreeSet<usize>>);

impl Progress {
    /// Reads the stored text (see the module's notes). Never panics.
    pub fn parse(text: &str) -> Progress {
        let mut progress = Progress::default();
        for entry in text.split(';').take(MAX_LESSONS) {
            let Some((id, cards)) = entry.split_once(':') else {
                continue;
            };
            let id = id.trim();
            if !is_lesson_id(id) {
                continue;
            }
            for card in cards.split(',') {
                if let Ok(n @ 1..=MAX_CARD) = card.trim().parse::<usize>() {
                    progress.mark(id, n);
                }
            }
        }
        progress
    }

    /// The text [`Progress::parse`] reads back.
    pub fn to_text(&self) -> String {
        self.0
            .iter()
            .filter(|(_, cards)| !cards.is_empty())
            .map(|(id, cards)| {
                let cards: Vec<String> = cards.iter().map(usize::to_string).collect();
                format!("{id}:{}", cards.join(","))
            })
            .collect::<Vec<_>>()
            .join(";")
    }

    /// Marks card `card` (from 1) of lesson `id` seen. Returns whether it was new.
    pub fn mark(&mut self, id: &str, card: usize) -> bool {
        if !is_lesson_id(id) || !(1..=MAX_CARD).contains(&card) {
            return false;
        }
        if !self.0.contains_key(id) && self.0.len() >= MAX_LESSONS {
            return false;
        }
        self.0.entry(id.to_string()).or_default().insert(card)
    }

    /// Whether card `card` (from 1) of lesson `id` was seen.
    pub fn seen(&self, id: &str, card: usize) -> bool {
        self.0.get(id).is_some_and(|cards| cards.contains(&card))
    }

    /// How many of `lesson`'s cards were seen.
    pub fn seen_in(&self, lesson: &Lesson) -> usize {
        (1..=lesson.cards.len())
            .filter(|&c| self.seen(&lesson.id, c))
            .count()
    }

    /// The lesson's progress for the picker: "" (none seen), "2/5 seen" or "✓" (all seen).
    pub fn label(&self, lesson: &Lesson) -> String {
        match self.seen_in(lesson) {
            0 => String::new(),
            n if n == lesson.cards.len() => "✓".into(),
            n => format!("{n}/{} seen", lesson.cards.len()),
        }
    }
}

/// What a card's check shows. "✓ Seen it" only while the check holds on the snapshot that
/// the readouts show, so the card and the readouts read the same number; a check that held
/// earlier since the card was opened (a test accuracy that reached 90 % and fell back) says
/// at which epoch, and a card seen on an earlier visit says "before".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Not seen, now or before.
    NotYet,
    /// The check holds now, at this epoch.
    Holds { epoch: u64 },
    /// The check held since the card was opened, last at `epoch`, and does not hold now.
    Held { epoch: u64 },
    /// Not since the card was opened, but on an earlier visit in this browser.
    Before,
}

impl Verdict {
    /// The verdict on a new snapshot at `epoch`, on which the check `holds` or not. `prev` is
    /// the verdict for the same opening of the card (`None` when it was just opened), and
    /// `before` whether this browser saw the card on an earlier visit.
    pub fn next(prev: Option<Verdict>, holds: bool, epoch: u64, before: bool) -> Verdict {
        match prev {
            _ if holds => Verdict::Holds { epoch },
            Some(Verdict::Holds { epoch } | Verdict::Held { epoch }) => Verdict::Held { epoch },
            _ if before => Verdict::Before,
            _ => Verdict::NotYet,
        }
    }

    /// Whether the check held since the card was opened (now or earlier).
    pub fn seen_now(self) -> bool {
        matches!(self, Verdict::Holds { .. } | Verdict::Held { .. })
    }

    /// Whether the card counts as seen (now, earlier, or on an earlier visit).
    pub fn seen(self) -> bool {
        self != Verdict::NotYet
    }

    /// The card's words for it.
    pub fn label(self) -> String {
        match self {
            Verdict::NotYet => "○ Not yet".into(),
            Verdict::Holds { .. } => "✓ Seen it".into(),
            Verdict::Held { epoch } => format!("✓ Seen at epoch {epoch} (not now)"),
            Verdict::Before => "✓ Seen before".into(),
        }
    }
}

/// Lesson ids are link-safe: lowercase letters, digits and `-`, at most 64 characters.
fn is_lesson_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::lesson::shipped;

    #[test]
    fn progress_reads_back_what_it_writes() {
        let mut p = Progress::default();
        assert!(p.mark("logic-gates", 2));
        assert!(p.mark("logic-gates", 1));
        assert!(!p.mark("logic-gates", 1), "already seen");
        assert!(p.mark("perceptron-trick", 4));
        let text = p.to_text();
        assert_eq!(text, "logic-gates:1,2;perceptron-trick:4");
        assert_eq!(Progress::parse(&text), p);
        assert!(p.seen("logic-gates", 2) && !p.seen("logic-gates", 3));
        assert_eq!(Progress::parse(""), Progress::default());
    }

    #[test]
    fn corrupt_text_loses_only_its_bad_parts() {
        let p = Progress::parse("logic-gates:1,x,2,-3,0,999;<script>:1;;nonsense;softmax:;a:1");
        assert_eq!(p.to_text(), "a:1;logic-gates:1,2");
        for junk in ["\u{0}\u{ffff}", ":::", ";;;;", "é:1", &"x".repeat(100_000)] {
            assert_eq!(Progress::parse(junk), Progress::default(), "{junk:.20}");
        }
        let many: Vec<String> = (0..1000).map(|i| format!("l{i}:1")).collect();
        assert_eq!(Progress::parse(&many.join(";")).0.len(), MAX_LESSONS);
        let mut p = Progress::default();
        assert!(!p.mark("Bad Id", 1) && !p.mark("ok", 0) && !p.mark("ok", MAX_CARD + 1));
    }

    #[test]
    fn seen_it_only_while_the_check_holds() {
        let mut v = Verdict::next(None, false, 0, false);
        assert_eq!(v.label(), "○ Not yet");
        v = Verdict::next(Some(v), true, 1840, false);
        assert_eq!((v.label().as_str(), v.seen_now()), ("✓ Seen it", true));
        // The accuracy falls back: the card says when it held, not "Seen it".
        v = Verdict::next(Some(v), false, 1860, false);
        assert_eq!(v.label(), "✓ Seen at epoch 1840 (not now)");
        assert!(v.seen_now() && v.seen());
        v = Verdict::next(Some(v), false, 1880, true);
        assert_eq!(v, Verdict::Held { epoch: 1840 }, "this visit's wins");
        assert_eq!(
            Verdict::next(Some(v), true, 1900, false).label(),
            "✓ Seen it"
        );
        // A card seen on an earlier visit, reopened.
        let again = Verdict::next(None, false, 0, true);
        assert_eq!(
            (again.label().as_str(), again.seen_now()),
            ("✓ Seen before", false)
        );
        assert!(again.seen());
    }

    #[test]
    fn the_picker_label_counts_a_lessons_own_cards() {
        let lesson = &shipped().lessons[0];
        let n = lesson.cards.len();
        let mut p = Progress::parse(&format!("{}:1,150", lesson.id));
        assert_eq!(
            p.label(lesson),
            format!("1/{n} seen"),
            "card 150 is not one"
        );
        assert_eq!(Progress::default().label(lesson), "");
        for c in 1..=n {
            p.mark(&lesson.id, c);
        }
        assert_eq!(p.label(lesson), "✓");
        assert_eq!(p.seen_in(lesson), n);
    }
}
