//! Limits on what a link, a file or a control may set. Every range check in the app uses these.
pub const MAX_HIDDEN_LAYERS: usize = 8;
pub const MAX_NEURONS: usize = 16;
pub const LEARNING_RATE: (f64, f64) = (1e-6, 10.0);
/// The schedule parameter: a decay rate up to 0.5, or a halving period up to 100000 epochs.
pub const LR_DECAY: (f64, f64) = (0.0, 100_000.0);
/// The exponential schedule's decay per epoch.
pub const LR_DECAY_RATE: (f64, f64) = (0.0, 0.5);
/// The step schedule's halving period, in whole epochs.
pub const LR_DECAY_PERIOD: (f64, f64) = (1.0, 100_000.0);
pub const REGULARIZATION_RATE: (f64, f64) = (0.0, 10.0);
pub const NOISE: (u32, u32) = (0, 50);
pub const PERC_TRAIN: (u32, u32) = (10, 90);
pub const BATCH_SIZE: (usize, usize) = (1, 2000);
pub const SAMPLES: (usize, usize) = (10, 2000);
pub const DROPOUT: (f64, f64) = (0.0, 0.9);
pub const SPEED: (u32, u32) = (1, 10_000);
/// The numerical derivative's ε.
pub const EPSILON: (f64, f64) = (1e-8, 1.0);
/// Random search's step (the standard deviation of the weight noise).
pub const SEARCH_STEP: (f64, f64) = (1e-4, 10.0);
/// The perceptron's weights typed in a link or a field.
pub const WEIGHT: (f64, f64) = (-1000.0, 1000.0);
/// Random restarts: which one, and how many a button press tries.
pub const RESTART: (u32, u32) = (0, 1_000_000);
pub const RESTARTS: (u32, u32) = (2, 50);
pub const RESTART_EPOCHS: (u32, u32) = (10, 1000);
/// Early stopping's patience in epochs (0 turns it off).
pub const PATIENCE: (u32, u32) = (0, 1_000_000);
/// The most points a link, a CSV file or an edit may hold.
pub const MAX_POINTS: usize = 5000;
/// The range of a regression point's value (its label).
pub const REGRESSION_LABEL: (f64, f64) = (-10.0, 10.0);
/// The largest |weight| or |bias| a link (`params`) or a model file may set. Larger ones
/// cannot train: one step of gradient descent from them overflows or saturates every unit.
pub const PARAM: f64 = 1e6;
/// The most weights and biases a shared network may carry (the largest network has
/// 2,166: 9 inputs, 8 layers of 16, 6 outputs).
pub const MAX_PARAMS: usize = 4096;
/// The largest CSV file of points read, in bytes.
pub const MAX_CSV_BYTES: usize = 1_000_000;
/// The largest model JSON read, in bytes, and its deepest nesting (serde_json's recursion
/// limit; a test checks it).
pub const MAX_JSON_BYTES: usize = 2_000_000;
pub const MAX_JSON_DEPTH: usize = 127;
/// Longest accepted hash, in bytes; the rest is ignored.
pub const MAX_HASH_LEN: usize = 200_000;
/// Line mode's starting m and c.
pub const LINE_START: (f64, f64) = (-20.0, 20.0);
/// The most points line mode generates (its descent paths get one point per update).
pub const LINE_SAMPLES: usize = 100;
/// The most points curve mode generates (enough for a smooth curve, few enough to click).
pub const CURVE_SAMPLES: usize = 200;
