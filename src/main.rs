fn main() {
    alur::start();
}
