use super::*;
use crate::core::config::ExperimentConfig;
use crate::core::dataset::DatasetKind;
use crate::core::features::{Feature, FeatureSet};
use crate::core::trainer::Trainer;

fn xor_lift(shape: Vec<usize>, epochs: u32) -> Lift {
    let features = FeatureSet::from_flags([
        (Feature::X1, true),
        (Feature::X2, true),
        (Feature::X1TimesX2, true),
    ]);
    let mut t = Trainer::new(ExperimentConfig {
        dataset: DatasetKind::Xor,
        network_shape: shape,
        features,
        samples: 100,
        ..ExperimentConfig::default()
    });
    t.step(epochs);
    t.snapshot().lift()
}

fn svg(lift: &Lift, view: LiftView) -> String {
    let mut svg = String::new();
    {
        let area = SVGBackend::with_string(&mut svg, (480, 420)).into_drawing_area();
        draw_lift(&area, lift, view, &ChartStyle::default(), true).unwrap();
        area.present().unwrap();
    }
    svg
}

#[test]
fn draws_labelled_axes_every_point_and_the_plane() {
    let lift = xor_lift(vec![], 100);
    let out = svg(&lift, LiftView::default());
    std::fs::write("/tmp/lift.svg", &out).ok();
    for label in ["x₁", "x₂", "x₁·x₂"] {
        assert!(out.contains(label), "no axis label {label}");
    }
    assert_eq!(out.matches("<circle").count(), 2 * lift.points.len());
    let without = Lift {
        plane: Err(crate::core::lift::NoPlane::HiddenLayers),
        ..lift.clone()
    };
    let polygons = |s: &str| s.matches("<polygon").count();
    assert_eq!(
        polygons(&out),
        polygons(&svg(&without, LiftView::default())) + 1
    );
}

#[test]
fn seen_from_above_points_under_the_plane_are_drawn_before_it() {
    use crate::core::lift::{LiftPoint, Plane};
    let corners = [(-3.0, -3.0), (3.0, -3.0), (-3.0, 3.0), (3.0, 3.0)];
    let points = corners
        .iter()
        .map(|&(x1, x2)| LiftPoint {
            p: [x1, x2, x1 * x2],
            label: f64::from(u8::from(x1 * x2 >= 0.0)),
            is_test: false,
        })
        .collect();
    let lift = Lift {
        axes: [Feature::X1, Feature::X2, Feature::X1TimesX2],
        bounds: [(-6.0, 6.0), (-6.0, 6.0), (-36.0, 36.0)],
        points,
        plane: Ok(Plane {
            w: [0.0, 0.0, 1.0],
            b: 0.0,
        }),
    };
    let order = |view: LiftView| {
        let out = svg(&lift, view);
        // The plane: the polygon in the ink's colour (the axis titles are in it too).
        let RGBColor(r, g, b) = ChartStyle::default().ink;
        let ink = format!("fill=\"#{r:02X}{g:02X}{b:02X}\"");
        let plane = out
            .match_indices("<polygon")
            .map(|(at, _)| at)
            .find(|&at| out[at..].split('>').next().unwrap().contains(&ink))
            .unwrap();
        let below = out.find("fill=\"#E69F00\"").unwrap();
        let above = out.find("fill=\"#0072B2\"").unwrap();
        (below < plane, above > plane)
    };
    assert_eq!(order(LiftView::default()), (true, true));
    // From below, the other way round.
    let from_below = LiftView {
        pitch: -0.4,
        ..LiftView::default()
    };
    assert_eq!(order(from_below), (false, false));
}

#[test]
fn the_dark_theme_draws_on_the_panel_colour_with_a_light_plane() {
    use crate::render::chart_style::Theme;
    let lift = xor_lift(vec![], 100);
    let dark = ChartStyle::new(
        Theme {
            dark: true,
            lecture: false,
        },
        1.0,
    );
    let mut out = String::new();
    {
        let area = SVGBackend::with_string(&mut out, (480, 420)).into_drawing_area();
        draw_lift(&area, &lift, LiftView::default(), &dark, true).unwrap();
    }
    let hex = |RGBColor(r, g, b): RGBColor| format!("#{r:02X}{g:02X}{b:02X}");
    assert!(out.contains(&format!("fill=\"{}\"", hex(dark.background))));
    let plane = out
        .match_indices("<polygon")
        .map(|(at, _)| out[at..].split('>').next().unwrap())
        .any(|tag| tag.contains(&hex(dark.ink)));
    assert!(plane, "the plane in the dark theme's (light) ink");
}

#[test]
fn views_are_clamped_and_never_nan() {
    let v = LiftView {
        yaw: f64::NAN,
        pitch: 9.0,
    }
    .clamped();
    assert_eq!(v.yaw, LiftView::default().yaw);
    assert_eq!(v.pitch, PITCH_RANGE.1);
    assert_eq!(tick(-0.01), "0");
    assert_eq!(tick(-36.0), "-36");
    assert_eq!(tick(0.5), "0.5");
}
