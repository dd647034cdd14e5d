// The bootstrap's entry point: the Lambda Runtime API loop (Hosting/) runs the function named by _HANDLER.
return 0;
