//! Trains one benchmark configuration (`small` or `large`, from `bench::scenarios`) for a fixed
//! number of epochs, 100 a frame as the app does, and prints the epochs trained. Run under
//! valgrind to count instructions, a figure that does not depend on the machine's load:
//! `cargo build --release --example count`, then
//! `valgrind --tool=cachegrind --cache-sim=no target/release/examples/count small 20000`.
use nn_playground::bench::scenarios;
use nn_playground::core::trainer::Trainer;

fn main() {
    let mut args = std::env::args().skip(1);
    let name = args.next().unwrap_or_else(|| "small".into());
    let epochs: u32 = args.next().and_then(|s| s.parse().ok()).unwrap_or(2000);
    let Some(scenario) = scenarios().into_iter().find(|s| s.name == name) else {
        eprintln!("no configuration named {name:?}: small or large");
        std::process::exit(2);
    };
    let mut trainer = Trainer::new(scenario.config);
    let mut done = 0;
    while done < epochs {
        done += trainer.step(100);
    }
    println!("{name}: {done} epochs");
}
