"""The Textual front end of Leerwijzer."""
