package callguide;

final class Bench {
    static void main(String[] args) {
        throw new UnsupportedOperationException("bench");
    }
}
