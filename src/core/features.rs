//! Input features: a point (x1, x2) becomes the network's input vector, and the optional
//! standardization of those inputs.

/// One input feature the network can see.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Feature {
    X1,
    X2,
    X1Squared,
    X2Squared,
    X1TimesX2,
    SinX1,
    SinX2,
    CosX1,
    CosX2,
}

impl Feature {
    /// Every feature, in UI order.
    pub const ALL: [Feature; 9] = [
        Feature::X1,
        Feature::X2,
        Feature::X1Squared,
        Feature::X2Squared,
        Feature::X1TimesX2,
        Feature::SinX1,
        Feature::SinX2,
        Feature::CosX1,
        Feature::CosX2,
    ];

    /// The TensorFlow Playground's link key for the feature's on/off flag.
    pub fn key(self) -> &'static str {
        match self {
            Feature::X1 => "x",
            Feature::X2 => "y",
            Feature::X1Squared => "xSquared",
            Feature::X2Squared => "ySquared",
            Feature::X1TimesX2 => "xTimesY",
            Feature::SinX1 => "sinX",
            Feature::SinX2 => "sinY",
            Feature::CosX1 => "cosX",
            Feature::CosX2 => "cosY",
        }
    }

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            Feature::X1 => "x₁",
            Feature::X2 => "x₂",
            Feature::X1Squared => "x₁²",
            Feature::X2Squared => "x₂²",
            Feature::X1TimesX2 => "x₁·x₂",
            Feature::SinX1 => "sin x₁",
            Feature::SinX2 => "sin x₂",
            Feature::CosX1 => "cos x₁",
            Feature::CosX2 => "cos x₂",
        }
    }

    /// The feature's value at a point.
    #[inline]
    pub fn value(self, x1: f64, x2: f64) -> f64 {
        match self {
            Feature::X1 => x1,
            Feature::X2 => x2,
            Feature::X1Squared => x1 * x1,
            Feature::X2Squared => x2 * x2,
            Feature::X1TimesX2 => x1 * x2,
            Feature::SinX1 => x1.sin(),
            Feature::SinX2 => x2.sin(),
            Feature::CosX1 => x1.cos(),
            Feature::CosX2 => x2.cos(),
        }
    }

    /// Whether the feature reads x₂ (curve mode has only x = x₁ as input: x₂ is the target).
    pub fn uses_x2(self) -> bool {
        matches!(
            self,
            Feature::X2 | Feature::X2Squared | Feature::X1TimesX2 | Feature::SinX2 | Feature::CosX2
        )
    }

    fn bit(self) -> u16 {
        1 << (self as u16)
    }
}

/// The set of enabled features. Never empty: the empty set is read as {x1, x2}.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FeatureSet(u16);

impl Default for FeatureSet {
    fn default() -> Self {
        FeatureSet::EMPTY
            .with(Feature::X1, true)
            .with(Feature::X2, true)
    }
}

impl FeatureSet {
    const EMPTY: FeatureSet = FeatureSet(0);

    /// The set with `feature` turned on or off.
    pub fn with(self, feature: Feature, on: bool) -> Self {
        if on {
            FeatureSet(self.0 | feature.bit())
        } else {
            FeatureSet(self.0 & !feature.bit())
        }
    }

    /// Builds a set from flags; an empty set becomes the default {x1, x2}.
    pub fn from_flags(flags: impl IntoIterator<Item = (Feature, bool)>) -> Self {
        let set = flags
            .into_iter()
            .fold(FeatureSet::EMPTY, |s, (f, on)| s.with(f, on));
        if set == FeatureSet::EMPTY {
            FeatureSet::default()
        } else {
            set
        }
    }

    /// The features of x₁ alone (x₁, x₁², sin x₁, cos x₁) that are on, or {x₁} if none is:
    /// curve mode's inputs, where x₂ is the value to fit.
    pub fn of_x1(self) -> Self {
        let set = self
            .enabled()
            .filter(|f| !f.uses_x2())
            .fold(FeatureSet::EMPTY, |s, f| s.with(f, true));
        if set.is_empty() {
            FeatureSet::EMPTY.with(Feature::X1, true)
        } else {
            set
        }
    }

    /// Whether `feature` is on.
    pub fn contains(self, feature: Feature) -> bool {
        self.0 & feature.bit() != 0
    }

    /// The enabled features, in UI order.
    pub fn enabled(self) -> impl Iterator<Item = Feature> {
        Feature::ALL.into_iter().filter(move |f| self.contains(*f))
    }

    /// How many inputs the network has.
    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// Never true (kept for clippy's `len_without_is_empty`).
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Writes the input vector of a point into `out` (length [`FeatureSet::len`]).
    #[inline]
    pub fn write(self, x1: f64, x2: f64, out: &mut [f64]) {
        for (o, f) in out.iter_mut().zip(self.enabled()) {
            *o = f.value(x1, x2);
        }
    }
}

/// Per-input shift and scale: `(v − mean) / sd`, fitted on the training inputs. The identity
/// when standardization is off.
#[derive(Clone, Debug, PartialEq)]
pub struct Standardizer {
    mean: Vec<f64>,
    inv_sd: Vec<f64>,
}

impl Standardizer {
    /// The identity for `n` inputs.
    pub fn identity(n: usize) -> Self {
        Standardizer {
            mean: vec![0.0; n],
            inv_sd: vec![1.0; n],
        }
    }

    /// A standardizer from its means and scales, as [`Standardizer::mean`] and
    /// [`Standardizer::scale`] give them; `None` unless both have the same length.
    pub fn from_parts(mean: Vec<f64>, scale: Vec<f64>) -> Option<Self> {
        (mean.len() == scale.len()).then_some(Standardizer {
            mean,
            inv_sd: scale,
        })
    }

    /// The mean subtracted from each input.
    pub fn mean(&self) -> &[f64] {
        &self.mean
    }

    /// The factor each input is multiplied by after the mean is subtracted (1 / standard
    /// deviation).
    pub fn scale(&self) -> &[f64] {
        &self.inv_sd
    }

    /// Fits mean and standard deviation per column of the row-major `rows` (width `n`).
    /// A constant column (or no rows) keeps scale 1.
    pub fn fit(rows: &[f64], n: usize) -> Self {
        let mut s = Self::identity(n);
        let count = rows.len() / n.max(1);
        if count == 0 {
            return s;
        }
        for row in rows.chunks_exact(n) {
            for (m, v) in s.mean.iter_mut().zip(row) {
                *m += v / count as f64;
            }
        }
        let mut var = vec![0.0; n];
        for row in rows.chunks_exact(n) {
            for ((acc, v), m) in var.iter_mut().zip(row).zip(&s.mean) {
                *acc += (v - m) * (v - m) / count as f64;
            }
        }
        for (inv, v) in s.inv_sd.iter_mut().zip(var) {
            *inv = if v > 1e-12 { 1.0 / v.sqrt() } else { 1.0 };
        }
        s
    }

    /// Standardizes one input vector in place.
    #[inline]
    pub fn apply(&self, input: &mut [f64]) {
        for ((v, m), s) in input.iter_mut().zip(&self.mean).zip(&self.inv_sd) {
            *v = (*v - m) * s;
        }
    }
}

#[cfg(test)]
mod tests;
