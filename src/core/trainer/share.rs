//! Sharing what was trained: a link with the network's weights, and the model as JSON.
use super::Trainer;
use crate::core::model_json::ModelFile;

impl Trainer {
    /// The link (without `#`) that opens this experiment with the network's current weights and
    /// biases as its start ("share with weights"): [`crate::core::config::ExperimentConfig::to_hash_with_params`].
    pub fn share_hash(&self) -> String {
        self.config.to_hash_with_params(&self.net.params)
    }

    /// [`Trainer::share_hash`] in the short form (only what differs from the defaults), for
    /// the QR code.
    pub fn share_short_hash(&self) -> String {
        self.config.to_short_hash_with_params(&self.net.params)
    }

    /// The trained model: the network, its input features and their standardizer.
    pub fn model(&self) -> ModelFile {
        let standardizer = self.config.standardize.then_some(&self.inputs.standardizer);
        ModelFile::of(&self.net, self.config.input_features(), standardizer)
    }

    /// The trained model as JSON ([`ModelFile::to_json`]).
    pub fn model_json(&self) -> String {
        self.model().to_json()
    }

    /// The largest |weight or bias| of the shared weights this run started from (used only
    /// by the seed's own start, restart 0), or `None` when it started from the seed's
    /// initialization.
    pub fn shared_start(&self) -> Option<f64> {
        let params = self.config.params.as_ref()?;
        (self.config.restart == 0 && params.len() == self.net.params.len())
            .then(|| params.iter().fold(0.0, |m: f64, p| m.max(p.abs())))
    }
}
