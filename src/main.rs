fn main() {
    nn_playground::app::start();
}
