//! A card's panel: a small tool shown inside the card (`panel: cross-entropy`).

/// The tools a card can show under its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardPanel {
    /// The notes' cross-entropy sum, from typed probabilities and labels.
    CrossEntropy,
    /// The chosen activation's curve and derivative, with its formula.
    Activation,
}

impl CardPanel {
    /// Every panel, in the order of [`CardPanel::name`]s a lesson file may use.
    pub const ALL: [CardPanel; 2] = [CardPanel::CrossEntropy, CardPanel::Activation];

    /// The name a lesson file writes after `panel:`.
    pub fn name(self) -> &'static str {
        match self {
            CardPanel::CrossEntropy => "cross-entropy",
            CardPanel::Activation => "activation",
        }
    }

    /// Reads a `panel:` value, or says which names there are.
    pub fn parse(name: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|p| p.name() == name.trim())
            .ok_or_else(|| {
                let names: Vec<&str> = Self::ALL.iter().map(|p| p.name()).collect();
                format!("panel: '{name}' is none of {}", names.join(", "))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_unknown_names_are_listed() {
        for p in CardPanel::ALL {
            assert_eq!(CardPanel::parse(p.name()), Ok(p));
        }
        assert_eq!(
            CardPanel::parse("backprop").unwrap_err(),
            "panel: 'backprop' is none of cross-entropy, activation"
        );
    }
}
