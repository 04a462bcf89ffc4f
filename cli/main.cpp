// TEMPORARY stub; the real CLI replaces it.
#include <iostream>
int main() { std::cout << "plancalc stub\n"; return 2; }
