//! The small enums of the config: the model, the perceptron step, the learning-rate schedule,
//! the speed, and the output style (ours or the TensorFlow Playground's).

/// Which model the playground trains.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Model {
    /// The multi-layer perceptron.
    #[default]
    Mlp,
    /// One neuron with the step activation, trained by the perceptron trick.
    Perceptron,
    /// Logistic regression: one sigmoid neuron on the input features (the network with no
    /// hidden layer), trained on the cross-entropy.
    Logistic,
    /// Adaline: one linear unit trained by gradient descent on the mean squared error of its
    /// net input against targets −1/+1, predicting with the perceptron's step.
    Adaline,
    /// A line y = m·x + c fitted to (x, y) = (x₁, x₂) points by gradient descent on the mean
    /// squared error, with batch, mini-batch and stochastic paths over the (m, c) surface.
    Line,
    /// A curve y = f(x) fitted to (x, y) = (x₁, x₂) points: the neural network with input
    /// features of x only, a linear output and the mean squared error.
    Curve,
    /// Handwritten digits: the network on the 64 pixels of 8×8 images, with 10 softmax
    /// outputs and the cross-entropy (see [`crate::core::digits`]).
    Digits,
}

impl Model {
    /// Every model, in the order of the model choice.
    pub const ALL: [Model; 7] = [
        Model::Mlp,
        Model::Logistic,
        Model::Perceptron,
        Model::Adaline,
        Model::Line,
        Model::Curve,
        Model::Digits,
    ];

    /// The link name (`model=…`).
    pub fn name(self) -> &'static str {
        match self {
            Model::Mlp => "mlp",
            Model::Perceptron => "perceptron",
            Model::Adaline => "adaline",
            Model::Logistic => "logistic",
            Model::Line => "line",
            Model::Curve => "curve",
            Model::Digits => "digits",
        }
    }

    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            Model::Mlp => "Neural network",
            Model::Perceptron => "Perceptron (the trick)",
            Model::Adaline => "Adaline (linear neuron)",
            Model::Logistic => "Logistic regression",
            Model::Line => "Line fit (m, c)",
            Model::Curve => "Curve fit (network)",
            Model::Digits => "Digits (8×8 images)",
        }
    }

    /// The hidden layers this model starts with when nothing names them (a link without
    /// `networkShape`, or the model choice from too narrow a network): the digits lesson's one
    /// layer of 16, or the playground's 4, 2.
    pub fn default_shape(self) -> Vec<usize> {
        match self {
            Model::Digits => vec![16],
            _ => vec![4, 2],
        }
    }

    /// Parses a link name; `None` for anything unknown.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.name() == name)
    }

    /// Whether the model is a network trained by the trainer's MLP (the neural network,
    /// logistic regression: the network with no hidden layer, the curve fit, or digits).
    pub fn uses_network(self) -> bool {
        matches!(
            self,
            Model::Mlp | Model::Logistic | Model::Curve | Model::Digits
        )
    }

    /// Whether the model is a single unit on x₁ and x₂ that separates two classes by a
    /// straight line w·x + b = 0 and learns from every point (the perceptron, Adaline).
    pub fn is_linear_unit(self) -> bool {
        matches!(self, Model::Perceptron | Model::Adaline)
    }

    /// Whether the points are (x, y) pairs, x = x₁ across and y = x₂ up, with y the value
    /// to fit rather than an input (line and curve mode). Their labels are ignored.
    pub fn fits_xy(self) -> bool {
        matches!(self, Model::Line | Model::Curve)
    }
}

/// What one perceptron Step does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum PerceptronStep {
    /// One misclassified point: one application of the trick.
    #[default]
    Point,
    /// A whole pass over the points.
    Epoch,
}

impl PerceptronStep {
    pub fn name(self) -> &'static str {
        match self {
            PerceptronStep::Point => "point",
            PerceptronStep::Epoch => "epoch",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        [PerceptronStep::Point, PerceptronStep::Epoch]
            .into_iter()
            .find(|m| m.name() == name)
    }
}

/// How the learning rate changes over epochs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum LrSchedule {
    /// The same rate throughout.
    #[default]
    Constant,
    /// Multiplied by (1 − decay) after every epoch.
    Exponential,
    /// Halved every `decay` epochs.
    Step,
}

impl LrSchedule {
    pub const ALL: [LrSchedule; 3] = [
        LrSchedule::Constant,
        LrSchedule::Exponential,
        LrSchedule::Step,
    ];

    pub fn name(self) -> &'static str {
        match self {
            LrSchedule::Constant => "constant",
            LrSchedule::Exponential => "exp",
            LrSchedule::Step => "step",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// How many epochs each animation frame asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Speed {
    /// Exactly this many epochs a frame.
    EpochsPerFrame(u32),
    /// As many as fit in the frame's time budget.
    Max,
}

impl Default for Speed {
    fn default() -> Self {
        Speed::EpochsPerFrame(1)
    }
}

/// Which output layer and loss the network uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum OutputStyle {
    /// Chosen from the problem, as in the lecture notes: sigmoid with binary cross-entropy
    /// (two classes), softmax with cross-entropy (3–6 classes), linear with the squared error
    /// (regression).
    #[default]
    Auto,
    /// The TensorFlow Playground's: a tanh output with targets −1/+1 (two classes), or a linear
    /// output (regression), both with the loss ½(output − target)². With three or more classes
    /// the softmax output is used, as the Playground has no such data.
    Tf,
}

impl OutputStyle {
    /// Both styles.
    pub const ALL: [OutputStyle; 2] = [OutputStyle::Auto, OutputStyle::Tf];

    /// The link name (`output=auto` or `output=tf`).
    pub fn name(self) -> &'static str {
        match self {
            OutputStyle::Auto => "auto",
            OutputStyle::Tf => "tf",
        }
    }

    /// Parses a link name; `None` for anything unknown.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.name() == name)
    }
}
