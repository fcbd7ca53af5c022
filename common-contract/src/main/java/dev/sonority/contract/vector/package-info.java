/** Vector maths and the binary layout in which vectors are stored. */
package dev.sonority.contract.vector;
