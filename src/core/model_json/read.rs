//! Reading a model file's JSON into a [`ModelFile`], checking every field and size.
use super::{output_name, output_parts, ModelFile, FORMAT, VERSION};
use crate::core::activation::Activation;
use crate::core::config::limits;
use crate::core::features::{Feature, FeatureSet, Standardizer};
use crate::core::json::Json;
use crate::core::loss::{Output, MAX_UNITS};
use crate::core::text::shorten;

/// The field `key` of `obj`, or an error naming it.
fn field<'a>(obj: &'a Json, key: &str) -> Result<&'a Json, String> {
    obj.get(key).ok_or_else(|| format!("\"{key}\" is missing"))
}

fn string<'a>(v: &'a Json, path: &str) -> Result<&'a str, String> {
    match v {
        Json::String(s) => Ok(s),
        other => Err(format!("{path}: expected a string, found {}", other.kind())),
    }
}

fn array<'a>(v: &'a Json, path: &str) -> Result<&'a [Json], String> {
    match v {
        Json::Array(items) => Ok(items),
        other => Err(format!("{path}: expected an array, found {}", other.kind())),
    }
}

/// An array of exactly `len` numbers.
fn numbers(v: &Json, path: &str, len: usize) -> Result<Vec<f64>, String> {
    let items = array(v, path)?;
    if items.len() != len {
        return Err(format!(
            "{path}: expected {len} numbers, found {}",
            items.len()
        ));
    }
    items
        .iter()
        .enumerate()
        .map(|(i, item)| match item {
            Json::Number(x) => Ok(*x),
            other => Err(format!(
                "{path}[{i}]: expected a number, found {}",
                other.kind()
            )),
        })
        .collect()
}

/// A whole number in `lo..=hi`.
fn count(v: &Json, path: &str, (lo, hi): (usize, usize)) -> Result<usize, String> {
    match v {
        Json::Number(x) if x.fract() == 0.0 && *x >= lo as f64 && *x <= hi as f64 => {
            Ok(*x as usize)
        }
        Json::Number(x) => Err(format!(
            "{path}: {x} is not a whole number from {lo} to {hi}"
        )),
        other => Err(format!("{path}: expected a number, found {}", other.kind())),
    }
}

/// The whole file.
pub(super) fn model(json: &Json) -> Result<ModelFile, String> {
    if !matches!(json, Json::Object(_)) {
        return Err(format!("expected a JSON object, found {}", json.kind()));
    }
    let format = string(field(json, "format")?, "format")?;
    if format != FORMAT {
        let found = shorten(format);
        return Err(format!("format: expected \"{FORMAT}\", found \"{found}\""));
    }
    let version = count(field(json, "version")?, "version", (0, usize::MAX))?;
    if version != VERSION as usize {
        return Err(format!(
            "version {version} is not supported (this app reads {VERSION})"
        ));
    }
    let features = inputs(field(json, "inputs")?)?;
    let n = features.len();
    let standardizer = match field(json, "standardizer")? {
        Json::Null => None,
        s => Some(standardizer(s, n)?),
    };
    let sizes = sizes(field(json, "sizes")?, n)?;
    let units = sizes.last().copied().unwrap_or(0);
    let name = string(field(json, "output")?, "output")?;
    let output = output_of(name, units)?;
    let (activation, params) = layers(field(json, "layers")?, &sizes, output)?;
    Ok(ModelFile {
        features,
        standardizer,
        network_shape: sizes[1..sizes.len() - 1].to_vec(),
        activation,
        output,
        params,
    })
}

/// The output kind for its name and unit count.
fn output_of(name: &str, units: usize) -> Result<Output, String> {
    let output = match name {
        "softmax" if (3..=MAX_UNITS).contains(&units) => Output::Softmax(units),
        "softmax" => {
            return Err(format!(
                "output: softmax needs 3 to {MAX_UNITS} units, not {units}"
            ))
        }
        _ => [
            Output::Binary,
            Output::Regression,
            Output::TfTanh,
            Output::TfLinear,
        ]
        .into_iter()
        .find(|o| output_name(*o) == name)
        .ok_or_else(|| format!("output: unknown kind \"{}\"", shorten(name)))?,
    };
    if output.units() != units {
        return Err(format!(
            "output: {name} has 1 unit, but the last size is {units}"
        ));
    }
    Ok(output)
}

/// The input features, by link key, in the network's order.
fn inputs(v: &Json) -> Result<FeatureSet, String> {
    let items = array(v, "inputs")?;
    let mut keys = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let key = string(item, &format!("inputs[{i}]"))?;
        let feature = Feature::ALL
            .into_iter()
            .find(|f| f.key() == key)
            .ok_or_else(|| format!("inputs[{i}]: unknown feature \"{}\"", shorten(key)))?;
        keys.push(feature);
    }
    let set = FeatureSet::from_flags(keys.iter().map(|&f| (f, true)));
    if keys.is_empty() || !set.enabled().eq(keys.iter().copied()) {
        let order: Vec<&str> = Feature::ALL.iter().map(|f| f.key()).collect();
        return Err(format!(
            "inputs: expected one or more features, each once, in the order {}",
            order.join(", ")
        ));
    }
    Ok(set)
}

fn standardizer(v: &Json, n: usize) -> Result<Standardizer, String> {
    let mean = numbers(field(v, "mean")?, "standardizer.mean", n)?;
    let scale = numbers(field(v, "scale")?, "standardizer.scale", n)?;
    Standardizer::from_parts(mean, scale).ok_or_else(|| "standardizer: sizes differ".into())
}

/// Units per layer: the inputs, up to the most hidden layers, and the outputs.
fn sizes(v: &Json, n_inputs: usize) -> Result<Vec<usize>, String> {
    let items = array(v, "sizes")?;
    if items.len() < 2 || items.len() > limits::MAX_HIDDEN_LAYERS + 2 {
        return Err(format!(
            "sizes: expected 2 to {} layers, found {}",
            limits::MAX_HIDDEN_LAYERS + 2,
            items.len()
        ));
    }
    let mut sizes = Vec::with_capacity(items.len());
    for (l, item) in items.iter().enumerate() {
        let range = if l == 0 {
            (n_inputs, n_inputs)
        } else if l + 1 == items.len() {
            (1, MAX_UNITS)
        } else {
            (1, limits::MAX_NEURONS)
        };
        sizes.push(count(item, &format!("sizes[{l}]"), range)?);
    }
    Ok(sizes)
}

/// Checks layer activation `name`: the output layer's must be its output's; hidden layers must
/// all have the same (`so_far`, the ones before). Returns the hidden activation so far.
fn activation(
    name: &str,
    path: &str,
    output: Option<Output>,
    so_far: Option<Activation>,
) -> Result<Option<Activation>, String> {
    if let Some(output) = output {
        let wanted = output_parts(output).0;
        if name != wanted {
            let kind = output_name(output);
            return Err(format!(
                "{path}.activation: the output layer of {kind} is {wanted}, not {}",
                shorten(name)
            ));
        }
        return Ok(so_far);
    }
    let a = Activation::from_name(name).ok_or_else(|| {
        format!(
            "{path}.activation: unknown activation \"{}\"",
            shorten(name)
        )
    })?;
    if so_far.is_some_and(|h| h != a) {
        return Err(format!(
            "{path}.activation: every hidden layer must have the same activation"
        ));
    }
    Ok(Some(a))
}

/// Every layer's activation, weights and biases: the hidden activation and the flat params.
fn layers(v: &Json, sizes: &[usize], output: Output) -> Result<(Activation, Vec<f64>), String> {
    let items = array(v, "layers")?;
    if items.len() != sizes.len() - 1 {
        return Err(format!(
            "layers: expected {} layers for sizes {sizes:?}, found {}",
            sizes.len() - 1,
            items.len()
        ));
    }
    let mut params = Vec::new();
    let mut hidden: Option<Activation> = None;
    for (l, layer) in items.iter().enumerate() {
        let path = format!("layers[{l}]");
        let name = string(field(layer, "activation")?, &format!("{path}.activation"))?;
        let is_output = l + 1 == items.len();
        hidden = activation(name, &path, is_output.then_some(output), hidden)?;
        let (fan_in, fan_out) = (sizes[l], sizes[l + 1]);
        let rows = array(field(layer, "weights")?, &format!("{path}.weights"))?;
        if rows.len() != fan_out {
            return Err(format!(
                "{path}.weights: expected {fan_out} rows, found {}",
                rows.len()
            ));
        }
        for (j, row) in rows.iter().enumerate() {
            params.extend(numbers(row, &format!("{path}.weights[{j}]"), fan_in)?);
        }
        params.extend(numbers(
            field(layer, "biases")?,
            &format!("{path}.biases"),
            fan_out,
        )?);
    }
    if let Err(why) = crate::core::config::check_sizes(&params) {
        return Err(format!(
            "layers: {why} (weights and biases count from 1, in layer order)"
        ));
    }
    Ok((hidden.unwrap_or_default(), params))
}
