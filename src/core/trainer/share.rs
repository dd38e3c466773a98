//! Sharing what was trained: a link with the network's weights.
use super::Trainer;

impl Trainer {
    /// The link (without `#`) that opens this experiment with the network's current weights and
    /// biases as its start ("share with weights"): [`crate::core::config::ExperimentConfig::to_hash_with_params`].
    pub fn share_hash(&self) -> String {
        self.config.to_hash_with_params(&self.net.params)
    }
}
