//! Controls a link hides, for lecture mode: the TensorFlow Playground's `<name>_hide=true`
//! flags, kept in the config so that they survive in our links.
use super::tf::{OWN_KEYS, TF_KEYS};
use std::collections::BTreeSet;
use std::sync::LazyLock;

/// Controls that have no link key of their own (the Playground's first four, then ours), and
/// the decision line, whose key (`boundaryLine`) is a view key.
const KEYLESS_CONTROLS: [&str; 9] = [
    "playButton",
    "stepButton",
    "resetButton",
    "numHiddenLayers",
    "lessonPicker",
    "share",
    "brushes",
    "gradientCheck",
    "boundaryLine",
];

/// Link keys that name no control: the Playground's tutorial and text flags, line mode's start,
/// the shared weights, the output style and the points (drawn on the plot, not a control).
const NOT_CONTROLS: [&str; 6] = [
    "tutorial",
    "hideText",
    "lineStart",
    "params",
    "output",
    "points",
];

/// Every control a link may hide, by name: the link keys (the Playground's, then ours) that
/// name a control, with the Playground's keyless controls between them.
pub static HIDABLE_CONTROLS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    TF_KEYS
        .iter()
        .chain(&KEYLESS_CONTROLS)
        .chain(&OWN_KEYS)
        .copied()
        .filter(|key| !NOT_CONTROLS.contains(key))
        .collect()
});

/// The set of hidden controls, by the names in [`HIDABLE_CONTROLS`]. Iterates in name order,
/// so a link always lists them the same way.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HiddenControls(BTreeSet<&'static str>);

impl HiddenControls {
    /// Whether the control called `name` is hidden.
    pub fn contains(&self, name: &str) -> bool {
        self.0.contains(name)
    }

    /// Hides or shows the control called `name`. Returns `false` (and changes nothing) when
    /// no control has that name.
    pub fn set(&mut self, name: &str, hidden: bool) -> bool {
        let Some(&known) = HIDABLE_CONTROLS.iter().find(|&&c| c == name) else {
            return false;
        };
        if hidden {
            self.0.insert(known);
        } else {
            self.0.remove(known);
        }
        true
    }

    /// The hidden controls' names, in name order.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.0.iter().copied()
    }

    /// Whether nothing is hidden.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_known_controls_are_kept_and_in_order() {
        let mut h = HiddenControls::default();
        assert!(h.set("noise", true));
        assert!(h.set("activation", true));
        assert!(!h.set("wat", true));
        assert!(!h.set("hideText", true));
        assert_eq!(h.iter().collect::<Vec<_>>(), ["activation", "noise"]);
        assert!(h.set("noise", false));
        assert!(h.contains("activation") && !h.contains("noise"));
        let unique: BTreeSet<_> = HIDABLE_CONTROLS.iter().collect();
        assert_eq!(unique.len(), HIDABLE_CONTROLS.len());
    }
}
