//! A link's notes on the status line. Each note that names a key ("batchSize: 2.5 was rounded
//! to 3.") belongs to the value that key had when it was said: once the user gives the key
//! another value (types a new batch size, draws a point, picks another schedule), its note
//! goes and the others stay. Notes about no key ("Ignored the unknown link key 'x'.") stay as
//! any note does.
use super::{Cause, Status};
use crate::core::config::ExperimentConfig;

/// A link's notes and what they are about.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LinkNotes {
    /// Said before the notes ("From the link: ", a restore's words).
    pub prefix: String,
    pub notes: Vec<KeyNote>,
}

/// One note, the key it names and that key's value when it was said.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyNote {
    pub text: String,
    /// The key and its value ([`watched_value`]); `None` for a note about no key.
    pub about: Option<(String, String)>,
}

/// The keys whose values decide whether a note about `key` still holds: the decay's note
/// depends on the schedule too.
fn watched_value(cfg: &ExperimentConfig, key: &str) -> Option<String> {
    let value = cfg.key_value(key)?;
    Some(match key {
        "lrDecay" => format!("{value}|{}", cfg.key_value("lrSchedule")?),
        _ => value,
    })
}

/// The key a note names: the text before its first ": ", if that is one of the config's keys.
fn named_key<'a>(note: &'a str, cfg: &ExperimentConfig) -> Option<(&'a str, String)> {
    let (key, _) = note.split_once(": ")?;
    let word = !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric());
    word.then(|| watched_value(cfg, key).map(|v| (key, v)))
        .flatten()
}

impl LinkNotes {
    fn text(&self) -> String {
        let notes: Vec<&str> = self.notes.iter().map(|n| n.text.as_str()).collect();
        format!("{}{}", self.prefix, notes.join(" "))
    }
}

impl Status {
    /// The notes a link gave (`notes`, as [`ExperimentConfig::from_hash`] words them), said
    /// after `prefix`, about the config `cfg` the link opened.
    pub fn link_notes(prefix: &str, notes: Vec<String>, cfg: &ExperimentConfig) -> Self {
        let notes = notes
            .into_iter()
            .map(|text| {
                let about = named_key(&text, cfg).map(|(k, v)| (k.to_string(), v));
                KeyNote { text, about }
            })
            .collect();
        let link = LinkNotes {
            prefix: prefix.into(),
            notes,
        };
        Status {
            text: link.text(),
            link: Some(link),
            ..Self::because(Cause::Link, "")
        }
    }

    /// This message once the config is `cfg`: a link's notes about keys whose values have
    /// changed since are gone (and the message with them when none is left); any other
    /// message is kept.
    pub fn config_changed(self, cfg: &ExperimentConfig) -> Self {
        let Some(link) = self.link.as_ref().filter(|_| self.cause == Cause::Link) else {
            return self;
        };
        let holds = |n: &KeyNote| {
            n.about
                .as_ref()
                .is_none_or(|(key, was)| watched_value(cfg, key).as_ref() == Some(was))
        };
        if link.notes.iter().all(holds) {
            return self;
        }
        let notes: Vec<KeyNote> = link.notes.iter().filter(|n| holds(n)).cloned().collect();
        if notes.is_empty() {
            return Status::default();
        }
        let link = LinkNotes {
            prefix: link.prefix.clone(),
            notes,
        };
        Status {
            text: link.text(),
            link: Some(link),
            ..self
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_note_goes_when_its_key_takes_another_value_and_the_others_stay() {
        let hash = "batchSize=2.5&networkShape=1.5&wat=1";
        let (cfg, notes) = ExperimentConfig::from_hash(hash);
        assert_eq!(notes.len(), 3, "{notes:?}");
        let shown = Status::link_notes("From the link: ", notes, &cfg);
        assert_eq!(shown.cause, Cause::Link);
        assert_eq!(
            shown.text,
            "From the link: batchSize: 2.5 was rounded to 3. networkShape: 1.5 was rounded to 2 neurons. Ignored the unknown link key 'wat'."
        );
        assert_eq!(shown.clone().config_changed(&cfg), shown, "nothing changed");
        let typed = ExperimentConfig {
            batch_size: 12,
            ..cfg.clone()
        };
        let after = shown.clone().config_changed(&typed);
        assert_eq!(
            after.text,
            "From the link: networkShape: 1.5 was rounded to 2 neurons. Ignored the unknown link key 'wat'."
        );
        let reshaped = ExperimentConfig {
            network_shape: vec![4],
            ..typed
        };
        let after = after.config_changed(&reshaped);
        assert_eq!(
            after.text,
            "From the link: Ignored the unknown link key 'wat'."
        );
        assert_eq!(
            Status::note("Imported 3 points.").config_changed(&reshaped),
            Status::note("Imported 3 points."),
            "not a link's"
        );
    }

    #[test]
    fn the_message_goes_with_its_last_note_and_points_notes_go_with_an_edit() {
        let (cfg, notes) = ExperimentConfig::from_hash("points=1.234,2,0;1,2,1");
        let shown = Status::link_notes("", notes, &cfg);
        assert!(shown.text.starts_with("points: 1 point was rounded"));
        let mut drawn = cfg.clone();
        if let Some(points) = drawn.points.as_mut() {
            points.push(crate::core::dataset::Point::new(3.0, 3.0, 1.0));
        }
        assert_eq!(shown.config_changed(&drawn), Status::default());
    }

    #[test]
    fn the_decay_note_goes_when_a_schedule_is_chosen() {
        let (cfg, notes) = ExperimentConfig::from_hash("lrDecay=0.9");
        let shown = Status::link_notes("", notes, &cfg);
        assert!(
            shown.text.starts_with("lrDecay: 0.9 has no effect"),
            "{shown:?}"
        );
        let exp = ExperimentConfig {
            lr_schedule: crate::core::config::LrSchedule::Exponential,
            ..cfg
        };
        assert_eq!(shown.config_changed(&exp), Status::default());
    }
}
