//! The lessons built into the app: every `src/lessons/*.lesson` file (embedded by `build.rs`
//! with `include_str!`), parsed once, in file-name order.
use super::link::split_hash;
use super::{parse, Card, Lesson, LessonError, LessonLink};
use crate::core::config::{split_view_keys, ExperimentConfig, ViewState};
use std::sync::OnceLock;

mod files {
    include!(concat!(env!("OUT_DIR"), "/lessons.rs"));
}

/// The lessons that parsed, and the errors of those that did not (the tests require none).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Library {
    pub lessons: Vec<Lesson>,
    pub errors: Vec<LessonError>,
}

/// What a page link opens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Opened {
    /// The experiment's hash: the link's own keys, or the card's preset when the link names
    /// a lesson and no experiment keys (view keys may be beside it).
    pub experiment: String,
    /// Where the view comes from (see [`ViewFrom`]).
    pub view: ViewFrom,
    /// The lesson and card, if the link names one that exists (the card clamped into range).
    pub lesson: Option<LessonLink>,
    /// What was ignored or changed, for the status line.
    pub notes: Vec<String>,
}

/// Where an opened link's view (lecture mode, hidden controls, …) comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ViewFrom {
    /// The experiment's hash is the link's own and carries its view keys.
    Link,
    /// A card's experiment with no view keys beside it: the page keeps the view it has.
    Kept,
    /// A card's experiment with these view keys beside it.
    Given(ViewState),
}

impl Opened {
    /// The config to open: the experiment, with the view `current` (the page's now) where
    /// the link opens a card's experiment and sets no view of its own. A card's experiment
    /// never sets the view. Returns the parser's notes too.
    pub fn config(&self, current: &ViewState) -> (ExperimentConfig, Vec<String>) {
        let (config, notes) = ExperimentConfig::from_hash(&self.experiment);
        let config = match &self.view {
            ViewFrom::Link => config,
            ViewFrom::Kept => config.with_view(current.clone()),
            ViewFrom::Given(view) => config.with_view(view.clone()),
        };
        (config, notes)
    }
}

/// The built-in lessons, parsed on first use.
pub fn shipped() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(|| Library::from_files(files::FILES))
}

impl Library {
    /// Parses `(file name, text)` pairs, keeping the lessons in the given order.
    pub fn from_files(files: &[(&str, &str)]) -> Self {
        let mut library = Library::default();
        for (name, text) in files {
            match parse(name, text) {
                Ok(lesson) => library.lessons.push(lesson),
                Err(e) => library.errors.push(e),
            }
        }
        library
    }

    /// The index of the lesson with this id.
    pub fn find(&self, id: &str) -> Option<usize> {
        self.lessons.iter().position(|l| l.id == id)
    }

    /// Where a link points: `(lesson index, card index from 0)`, with a note when the lesson is
    /// unknown (then `None`) or the card is out of range (then the nearest card).
    pub fn resolve(&self, link: &LessonLink) -> (Option<(usize, usize)>, Option<String>) {
        let Some(index) = self.find(&link.lesson) else {
            let id: String = link.lesson.chars().take(24).collect();
            return (
                None,
                Some(format!(
                    "There is no lesson '{id}'; pick one from the lesson list."
                )),
            );
        };
        let cards = self.lessons[index].cards.len();
        let card = link.card.clamp(1, cards.max(1));
        let note = (card != link.card).then(|| {
            format!(
                "Lesson '{}' has {cards} cards; opened card {card}.",
                link.lesson
            )
        });
        (Some((index, card - 1)), note)
    }

    /// The link for card `card` (from 0) of lesson `lesson`.
    pub fn link(&self, lesson: usize, card: usize) -> Option<LessonLink> {
        self.lessons.get(lesson).map(|l| LessonLink {
            lesson: l.id.clone(),
            card: card + 1,
        })
    }

    /// The card a link points to (its lesson must exist; the card is clamped into range).
    pub fn card(&self, link: &LessonLink) -> Option<&Card> {
        let (at, _) = self.resolve(link);
        at.map(|(lesson, card)| &self.lessons[lesson].cards[card])
    }

    /// Reads a page hash: `lesson=<id>&card=<n>` beside the experiment's keys. A link with a
    /// lesson and no experiment keys opens the card's preset, with the link's view keys
    /// (`lecture`, `<name>_hide`, `hideText`, `boundaryLine`) on top, or else the page's own
    /// view ([`Opened::config`]); a link with both (a reload in the middle of a lesson) keeps
    /// the student's experiment. Never panics.
    pub fn open(&self, hash: &str) -> Opened {
        let (experiment, link, mut notes) = split_hash(hash);
        let resolved = link.map(|link| {
            let (at, note) = self.resolve(&link);
            notes.extend(note);
            at.and_then(|(lesson, card)| self.link(lesson, card))
        });
        let lesson = resolved.flatten();
        let (own, view) = split_view_keys(&experiment);
        let preset = lesson
            .as_ref()
            .filter(|_| own.is_empty())
            .and_then(|link| self.card(link));
        let (experiment, view) = match preset {
            Some(card) if view.is_empty() => (card.preset.clone(), ViewFrom::Kept),
            Some(card) => (
                card.preset.clone(),
                ViewFrom::Given(ViewState::from_hash(&view)),
            ),
            None => (experiment, ViewFrom::Link),
        };
        Opened {
            experiment,
            view,
            lesson,
            notes,
        }
    }
}
