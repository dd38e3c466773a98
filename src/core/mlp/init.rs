//! How a network's weights start: the initializations (Xavier, He, zero) and the draw.
use super::Mlp;
use crate::core::rng::Pcg32;

/// How the weights are initialized. Biases start at 0.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Init {
    /// Glorot/Xavier uniform: U(−√(6/(fan_in+fan_out)), +√(6/(fan_in+fan_out))). Suits tanh, sigmoid.
    #[default]
    Xavier,
    /// He normal: N(0, 2/fan_in). Suits ReLU.
    He,
    /// Every weight 0: shows why symmetric starts cannot learn different features.
    Zero,
}

impl Init {
    /// Every choice, in UI order.
    pub const ALL: [Init; 3] = [Init::Xavier, Init::He, Init::Zero];

    /// The link name.
    pub fn name(self) -> &'static str {
        match self {
            Init::Xavier => "xavier",
            Init::He => "he",
            Init::Zero => "zero",
        }
    }

    /// Parses a link name; `None` for anything unknown.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|i| i.name().eq_ignore_ascii_case(name))
    }
}

impl Mlp {
    /// Draws fresh weights (biases 0), as Reset does.
    pub fn init_weights(&mut self, init: Init, rng: &mut Pcg32) {
        self.params.fill(0.0);
        for layer in &self.layers {
            let (fan_in, fan_out) = (layer.fan_in as f64, layer.fan_out as f64);
            let weights = &mut self.params[layer.w..layer.b()];
            for w in weights {
                *w = match init {
                    Init::Xavier => {
                        let limit = (6.0 / (fan_in + fan_out)).sqrt();
                        rng.range(-limit, limit)
                    }
                    Init::He => rng.normal() * (2.0 / fan_in).sqrt(),
                    Init::Zero => 0.0,
                };
            }
        }
    }
}
