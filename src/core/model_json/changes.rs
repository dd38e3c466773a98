//! What loading a model changed besides the network: the problem, the data set, the classes
//! and the output style, said in words (nothing changes silently).
use super::ModelFile;
use crate::core::config::{ExperimentConfig, Model};
use crate::core::dataset::DatasetKind;
use crate::core::text::plural_of;

impl ModelFile {
    /// The notes for going from `old` to `new` (as [`ModelFile::apply_to`] made it): one for
    /// each setting outside the network that the model's output forced.
    pub fn changes(&self, old: &ExperimentConfig, new: &ExperimentConfig) -> Vec<String> {
        let mut notes = Vec::new();
        if old.model != new.model && new.model == Model::Mlp {
            notes.push(format!(
                "The model is a neural network, so the mode is now \"{}\" (was \"{}\").",
                new.model.label(),
                old.model.label()
            ));
        }
        if old.problem != new.problem {
            notes.push(format!(
                "The model's output is for {}, so the problem is now {} (was {}).",
                new.problem.name(),
                new.problem.name(),
                old.problem.name()
            ));
        }
        let several = new.active_dataset() == DatasetKind::Blobs;
        let data_changed =
            old.active_dataset() != new.active_dataset() || (several && old.classes != new.classes);
        if self.output.is_classification() && data_changed {
            let classes = if several {
                format!(" with {}", plural_of(new.classes, "class", "classes"))
            } else {
                String::new()
            };
            notes.push(format!(
                "The model has {}, so the data set is now \"{}\"{classes}.",
                plural_of(self.output.units().max(2), "class", "classes"),
                new.active_dataset().label()
            ));
        }
        if old.output != new.output {
            notes.push(format!(
                "The model uses the output \"{}\", so the output setting is now \"{}\".",
                super::output_name(self.output),
                new.output.name()
            ));
        }
        notes
    }
}
